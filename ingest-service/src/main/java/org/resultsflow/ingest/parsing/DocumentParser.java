package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.ingest.parsing.iati.IatiParser;

/**
 * Turns one results-framework document (text, HTML or PDF) into the records of
 * {@code org.resultsflow.contracts.results}. Thread-safe and free of framework dependencies: it holds only
 * its immutable limits; every parse has its own state.
 *
 * <p>The layout is recognised from the content. Values are taken only where their meaning is certain;
 * whatever is skipped is reported as a {@link ParseWarning} naming the line. No value is ever invented.
 */
public final class DocumentParser {

    private final ParserLimits limits;

    public DocumentParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public DocumentParser() {
        this(ParserLimits.defaults());
    }

    public Extraction parse(byte[] content, String mediaType) throws DocumentRejectedException {
        return parse(content, mediaType, PageAddress.NONE);
    }

    /**
     * @param address what the page's address says (outcome, year, plan period); the text wins where both say
     *     the same thing
     */
    public Extraction parse(byte[] content, String mediaType, PageAddress address) throws DocumentRejectedException {
        MediaType type = MediaType.parse(mediaType);
        if (!isSupported(type.base())) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNSUPPORTED_MEDIA_TYPE,
                    "media type '" + mediaType + "' is not supported; send text/plain, text/html, application/pdf"
                            + " or application/xml (IATI)");
        }
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the document is empty");
        }
        if (isXml(type.base())) {
            return Deadline.within(limits.textTimeout(), "IATI file", () -> IatiParser.parse(content, address.url()));
        }
        // PDF extraction has its own bound (pdfTimeout); everything after it shares the text bound.
        String pdfText = type.base().equals("application/pdf") ? PdfText.extract(content, limits) : null;
        return Deadline.within(limits.textTimeout(), "document's text", () -> {
            String text = switch (type.base()) {
                case "text/plain" -> TextDecoder.decode(content, type.charset());
                case "text/html", "application/xhtml+xml" -> HtmlText.toText(TextDecoder.decode(content, type.charset()));
                default -> pdfText;
            };
            if (text.isBlank()) {
                throw new DocumentRejectedException(DocumentRejectedException.Reason.EMPTY, "the document has no text");
            }
            if (pdfText != null) {
                TextDecoder.checkNotBinary(text);
            }
            return parseText(text, address);
        });
    }

    /** Parses decoded text; the line ranges of the result refer to its lines. */
    Extraction parseText(String text) throws DocumentRejectedException {
        return parseText(text, PageAddress.NONE);
    }

    Extraction parseText(String text, PageAddress address) throws DocumentRejectedException {
        SourceText source = SourceText.of(text);
        LayoutDetector.Recognition recognition = LayoutDetector.detect(source);
        if (recognition.layout() == null) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNKNOWN_LAYOUT,
                    "the text matches none of the known layouts; the closest is " + describe(recognition.closest()));
        }
        Layout layout = recognition.layout();
        ParseContext ctx = new ParseContext(source, address);
        LayoutParser.Result result = parserFor(layout, recognition.signals()).parse(ctx);
        if (showsNothing(result)) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNKNOWN_LAYOUT,
                    "the page reads as " + layout + " but shows no outcome, output, indicator, progress note, budget"
                            + " or funding row" + (layout == Layout.OFFICE_PAGE ? ""
                                    : "; what it lacks: " + describe(recognition.closest())));
        }
        DeclaredFacts declared = ctx.declared;
        Integer dataYear = ctx.pageYear() != null ? ctx.pageYear() : address.year();
        String office = office(result.outcomes(), ctx);
        if (office == null && address.outcome() != null) {
            office = address.outcome().office();
        }
        DocumentFacts facts = new DocumentFacts(declared.asOf, dataYear, office, ctx.planPeriod(), source.size(),
                address.url());
        List<ParseWarning> warnings = new ArrayList<>(declared.warnings);
        warnings.addAll(ctx.warnings());
        warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new Extraction(layout, facts, result.outcomes(), result.indicators(), result.budgets(), warnings);
    }

    private static String describe(LayoutDetector.Candidate c) {
        StringBuilder sb = new StringBuilder(c.layout().name());
        List<String> missing = c.needs().stream().filter(n -> !n.found()).map(LayoutDetector.Need::what).toList();
        if (!missing.isEmpty()) {
            sb.append(", which needs ").append(String.join(" and ", missing));
        }
        return sb.toString();
    }

    private static boolean showsNothing(LayoutParser.Result r) {
        return r.indicators().isEmpty() && r.budgets().isEmpty() && r.outcomes().stream().allMatch(o ->
                o.id() == null && o.statement() == null && o.outputs().isEmpty() && o.progressNotes().isEmpty());
    }

    private static boolean isSupported(String base) {
        return switch (base) {
            case "text/plain", "text/html", "application/xhtml+xml", "application/pdf" -> true;
            default -> isXml(base);
        };
    }

    private static boolean isXml(String base) {
        return base.equals("application/xml") || base.equals("text/xml");
    }

    private static LayoutParser parserFor(Layout layout, LayoutDetector.Signals signals) {
        return switch (layout) {
            case PROGRESS_NOTES_LIST -> signals.outcomeHeaders() > 0 ? new ProgressNotesListParser()
                    : HeadlessNotes::read;
            case OUTCOME_RESULTS -> new OutcomeResultsParser();
            case OUTCOME_TEXT -> new OutcomeTextParser();
            case GLOBAL_OUTCOME -> new GlobalOutcomeParser();
            case OFFICE_PAGE -> ctx -> new LayoutParser.Result(List.of(), List.of(), List.of());
            case COUNTRY_PROGRESS_REPORT -> new CountryProgressReportParser();
            case OUTCOME_SUMMARY -> new OutcomeSummaryParser();
            case OUTCOME_PAGE -> new OutcomePageParser();
            case OUTCOME_PDF_EXPORT -> new OutcomePdfExportParser();
            case IATI_ACTIVITIES -> throw new IllegalStateException("XML is read by IatiParser");
        };
    }

    /** The office of the outcome codes when they all agree; never the country named in a page header. */
    private static String office(List<Outcome> outcomes, ParseContext ctx) {
        TreeSet<String> offices = new TreeSet<>();
        for (Outcome o : outcomes) {
            if (o.office() != null) {
                offices.add(o.office());
            }
        }
        if (offices.size() > 1) {
            ctx.warn(0, "outcomes of several offices " + offices + "; no single office for the document");
            return null;
        }
        return offices.isEmpty() ? null : offices.first();
    }
}
