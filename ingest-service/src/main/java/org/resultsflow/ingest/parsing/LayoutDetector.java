package org.resultsflow.ingest.parsing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.resultsflow.contracts.rules.NormalisedStatement;

/**
 * Recognises the layout from the structures in the text, most specific first. Each layout is described by
 * the structures it needs ({@link Candidate}); the first whose needs are all met is the page's layout. When
 * none is met, the one with most of its needs met is named in the refusal, with what it lacks.
 */
final class LayoutDetector {

    // Searched for (find), not matched with leading and trailing ".*": every line of every page is tried.
    private static final Pattern BMTS_HEADER = Pattern.compile("(?i)\\bYEAR\\s+BMTS\\s+REPORTED\\s+RESULT\\b");
    static final Pattern BMTS_ROW =
            Pattern.compile("^(?:(?:19|20)\\d{2}\\s*)?\\((?i:baseline|milestones?|target)\\)(?:\\s+.*)?$");
    private static final Pattern SUMMARY = Pattern.compile(
            "(?i)^(?:outcome summary|our funding partners contributions|outcome progress note for the year)$");
    private static final Pattern GLOBAL_NAME = Pattern.compile("^Outcome \\d+: .+");
    private static final Pattern GLOBAL_SECTION = Pattern.compile("(?i)^(?:contributes to achieving sdgs|our result highlights)$");
    private static final Pattern DETAILS_TITLE = Pattern.compile("(?i)^Outcome Indicators? and Results\\b.*");
    private static final Pattern AS_OF = Pattern.compile("(?i)^data as of\\s*:.*");
    private static final Pattern OFFICE_NARRATIVE = Pattern.compile("(?i)^view annual report narratives for the year$");

    /** The structures found in a text. */
    record Signals(int bmts, boolean viewIndicators, int outcomeHeaders, boolean details, int headlines,
            int indicatorCodes, boolean summary, boolean reportTitle, boolean asOf, boolean globalName,
            boolean globalSection, boolean repeatedTitle, boolean officeNarrative, boolean titledNote, boolean prose) {
    }

    /** A layout and the structures it needs, each with whether the text has it. */
    record Candidate(Layout layout, List<Need> needs) {
        boolean met() {
            return needs.stream().allMatch(Need::found);
        }

        long found() {
            return needs.stream().filter(Need::found).count();
        }
    }

    record Need(String what, boolean found) {
    }

    /** The layout, or null, the candidate closest to being met when there is none, and the signals seen. */
    record Recognition(Layout layout, Candidate closest, Signals signals) {
    }

    private LayoutDetector() {
    }

    static Recognition detect(SourceText t) {
        Signals s = signals(t);
        List<Candidate> candidates = List.of(
                new Candidate(Layout.OUTCOME_PDF_EXPORT, List.of(
                        new Need("a YEAR BMTS REPORTED RESULT table or (Milestone) rows", s.bmts() > 0))),
                new Candidate(Layout.OUTCOME_RESULTS, List.of(
                        new Need("a result row followed by View indicators", s.viewIndicators()))),
                new Candidate(Layout.OUTCOME_PAGE, List.of(
                        new Need("an outcome header (outcome <code>) or an Outcome details section",
                                s.outcomeHeaders() > 0 || s.details()),
                        new Need("outcome details, indicator codes or indicator blocks",
                                s.details() || s.headlines() > 0 || s.indicatorCodes() > 0))),
                new Candidate(Layout.OUTCOME_SUMMARY, List.of(
                        new Need("Outcome summary, the funding partners table or Outcome progress note for the year",
                                s.summary()))),
                new Candidate(Layout.COUNTRY_PROGRESS_REPORT, List.of(
                        new Need("a report title (Progress in <country> in <year>) or Data as of: with outcome headers",
                                s.reportTitle() || s.asOf() && s.outcomeHeaders() > 0))),
                new Candidate(Layout.PROGRESS_NOTES_LIST, List.of(
                        new Need("outcome headers (outcome <id>) each followed by a statement", s.outcomeHeaders() > 0))),
                new Candidate(Layout.GLOBAL_OUTCOME, List.of(
                        new Need("an outcome name (Outcome <n>: <name>)", s.globalName()),
                        new Need("Contributes to achieving SDGs or Our result highlights", s.globalSection()))),
                new Candidate(Layout.OUTCOME_TEXT, List.of(
                        new Need("an outcome title repeated between the page's sections", s.repeatedTitle()))),
                new Candidate(Layout.PROGRESS_NOTES_LIST, List.of(
                        new Need("a title line followed by a note paragraph", s.titledNote() && !s.officeNarrative()))),
                new Candidate(Layout.OFFICE_PAGE, List.of(
                        new Need("narrative text (an office overview, annual report narratives)", s.prose()))));
        Candidate closest = null;
        for (Candidate c : candidates) {
            if (c.met()) {
                return new Recognition(c.layout(), c, s);
            }
            if (closest == null || c.found() > closest.found()) {
                closest = c;
            }
        }
        return new Recognition(null, closest, s);
    }

    static Signals signals(SourceText t) {
        int bmtsHeaders = 0;
        int bmtsRows = 0;
        int headlines = 0;
        int codes = 0;
        int outcomeHeaders = 0;
        boolean view = false;
        boolean details = false;
        boolean summary = false;
        boolean reportTitle = false;
        boolean asOf = false;
        boolean globalName = false;
        boolean globalSection = false;
        boolean office = false;
        Map<String, Integer> longLines = new HashMap<>();
        boolean repeated = false;
        boolean prose = false;
        for (int i = 1; i <= t.size(); i++) {
            String line = t.line(i);
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() >= 60 && !Boilerplate.isBoilerplate(line)) {
                prose |= line.length() >= 150 && line.contains(" ");
                String key = NormalisedStatement.of(Boilerplate.withoutLabel(line));
                repeated |= longLines.merge(key, 1, Integer::sum) >= 2;
            }
            if (line.length() > 400) {
                continue;
            }
            String lower = SourceText.lower(line);
            bmtsHeaders += lower.contains("bmts") && BMTS_HEADER.matcher(line).find() ? 1 : 0;
            bmtsRows += BMTS_ROW.matcher(line).matches() ? 1 : 0;
            headlines += IndicatorBlocks.HEADLINE.matcher(line).matches() ? 1 : 0;
            codes += ResultCodes.isIndicatorCodeLine(line) ? 1 : 0;
            outcomeHeaders += ResultCodes.outcomeHeader(line).isPresent() ? 1 : 0;
            view |= isViewIndicators(line);
            details |= line.equalsIgnoreCase("Outcome details")
                    || DETAILS_TITLE.matcher(line).matches();
            summary |= SUMMARY.matcher(line).matches();
            reportTitle |= lower.startsWith("progress in ") && DeclaredFacts.REPORT_TITLE.matcher(line).matches();
            asOf |= AS_OF.matcher(line).matches();
            globalName |= GLOBAL_NAME.matcher(line).matches();
            globalSection |= GLOBAL_SECTION.matcher(line).matches();
            office |= OFFICE_NARRATIVE.matcher(line).matches();
        }
        return new Signals(bmtsHeaders > 0 || bmtsRows >= 2 ? 1 : 0, view, outcomeHeaders, details, headlines, codes,
                summary, reportTitle, asOf, globalName, globalSection, repeated, office, titledNote(t), prose || office);
    }

    /** A result row's link to its indicators, or the results table's header. */
    private static boolean isViewIndicators(String line) {
        String link = "View indicators";
        return line.regionMatches(true, line.length() - link.length(), link, 0, link.length())
                || line.equalsIgnoreCase("ID Result statement Budget utilisation Progress");
    }

    /** The headless notes list: the first content line is a title, the next a note paragraph. */
    private static boolean titledNote(SourceText t) {
        int title = HeadlessNotes.firstContent(t, 1);
        if (title > t.size()) {
            return false;
        }
        int note = HeadlessNotes.firstContent(t, title + 1);
        return note <= t.size() && HeadlessNotes.isTitle(t.line(title)) && t.line(note).length() >= 150;
    }
}
