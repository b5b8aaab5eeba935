package org.resultsflow.ingest.parsing.iati;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.ingest.parsing.DocumentFacts;
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.Layout;
import org.resultsflow.ingest.parsing.ParseWarning;

/**
 * Reads an IATI activity file (XML, IATI 2.03): one document, one outcome per activity with its results,
 * indicators and budgets, each with the line range it was read from. Free of framework dependencies.
 */
public final class IatiParser {

    private IatiParser() {
    }

    /** What one activity says, as records of {@code contracts.results}. */
    public record ActivityRecords(Outcome outcome, List<Indicator> indicators, List<Budget> budgets) {
    }

    /**
     * The whole file as one extraction.
     *
     * @param source the address the file was published at, when the caller gave it, or null
     */
    public static Extraction parse(byte[] content, String source) throws DocumentRejectedException {
        List<Outcome> outcomes = new ArrayList<>();
        List<Indicator> indicators = new ArrayList<>();
        List<Budget> budgets = new ArrayList<>();
        List<ParseWarning> warnings = new ArrayList<>();
        IatiReader.Header header = stream(new ByteArrayInputStream(content), warnings, records -> {
            outcomes.add(records.outcome());
            indicators.addAll(records.indicators());
            budgets.addAll(records.budgets());
        });
        if (outcomes.isEmpty()) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNKNOWN_LAYOUT,
                    "the IATI activity file has no activity");
        }
        IatiSchema.validate(content, warnings);
        warnings.sort((a, b) -> Integer.compare(a.line(), b.line()));
        TreeSet<String> offices = new TreeSet<>();
        outcomes.forEach(o -> offices.add(String.valueOf(o.office())));
        DocumentFacts facts = new DocumentFacts(asOf(header.generated(), warnings), null,
                offices.size() == 1 ? outcomes.get(0).office() : null, null, header.lineCount(), source);
        return new Extraction(Layout.IATI_ACTIVITIES, facts, outcomes, indicators, budgets, warnings);
    }

    /**
     * Streams an activity file: each activity's records are handed to {@code activities} as soon as the
     * activity is read, and nothing of it is kept, so memory stays flat whatever the file's size.
     *
     * <p>An organisation file is recognised from its root and refused before any of it is read: its budgets
     * ({@code total-budget}, {@code recipient-org-budget}, {@code recipient-country-budget}) are an organisation's,
     * a recipient organisation's or a country's, and a budget record here is an outcome's or an output's, so reading
     * them into budget records would invent the outcome they belong to.
     */
    public static IatiReader.Header stream(InputStream in, List<ParseWarning> warnings, Consumer<ActivityRecords> activities)
            throws DocumentRejectedException {
        IatiReader.Header header = IatiReader.read(in, IatiReader.Root.ACTIVITIES,
                element -> activities.accept(ActivityMapper.map(element, warnings)));
        if (header.root() == IatiReader.Root.ORGANISATIONS) {
            throw new DocumentRejectedException(DocumentRejectedException.Reason.UNKNOWN_LAYOUT,
                    "an IATI organisation file (<iati-organisations>) is recognised but not read: resultsflow reads IATI"
                            + " activity files (root <iati-activities>, IATI 2.03). An organisation file's budgets"
                            + " (total-budget, recipient-org-budget, recipient-country-budget) are those of a whole"
                            + " organisation, of a recipient organisation or of a country, while a budget here belongs to"
                            + " an outcome or an output; reading them as such would invent the outcome. Post the"
                            + " organisation's activity file instead.");
        }
        return header;
    }

    /** The date of the file's {@code generated-datetime}: what its values are as of. */
    private static LocalDate asOf(String generated, List<ParseWarning> warnings) {
        if (generated == null || generated.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(generated.strip().substring(0, Math.min(10, generated.strip().length())));
        } catch (DateTimeParseException e) {
            warnings.add(new ParseWarning(1, "generated-datetime '" + generated + "' is not a date; the file has no as-of"));
            return null;
        }
    }
}
