package org.resultsflow.ingest.parsing;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises the layout from the text alone, by the structures each layout has and the others lack,
 * most specific first:
 * <ol>
 *   <li>PDF export: the table header {@code YEAR BMTS REPORTED RESULT} or rows like {@code 2022 (Milestone) - 0};</li>
 *   <li>outcome page: an outcome header and either indicator blocks ({@code 2021 Result N/A}) or the
 *       {@code Outcome details} / {@code Outcome Indicator and Results} sections;</li>
 *   <li>outcome summary: {@code Outcome summary}, the funding-partners table or {@code Outcome progress note
 *       for the year};</li>
 *   <li>country progress report: the title {@code Progress in <country> ... in <year>}, or
 *       {@code Data as of:} together with outcome headers;</li>
 *   <li>progress-notes list: outcome header lines each followed by a statement.</li>
 * </ol>
 */
final class LayoutDetector {

    private static final Pattern BMTS_HEADER = Pattern.compile("(?i).*\\bYEAR\\s+BMTS\\s+REPORTED\\s+RESULT\\b.*");
    static final Pattern BMTS_ROW =
            Pattern.compile("^(?:(?:19|20)\\d{2}\\s*)?\\((?i:baseline|milestones?|target)\\)(?:\\s+.*)?$");
    static final Pattern HEADLINE = Pattern.compile("^((?:19|20)\\d{2})\\s+Result\\s*(.*)$");

    private LayoutDetector() {
    }

    static Optional<Layout> detect(SourceText t) {
        int bmtsHeaders = 0;
        int bmtsRows = 0;
        int headlines = 0;
        int outcomeHeaders = 0;
        boolean outcomeSections = false;
        boolean summary = false;
        boolean reportTitle = false;
        boolean asOf = false;
        for (int i = 1; i <= t.size(); i++) {
            String line = t.line(i);
            if (line.isEmpty() || line.length() > 400) {
                continue;
            }
            if (BMTS_HEADER.matcher(line).matches()) {
                bmtsHeaders++;
            }
            if (BMTS_ROW.matcher(line).matches()) {
                bmtsRows++;
            }
            if (HEADLINE.matcher(line).matches()) {
                headlines++;
            }
            if (ResultCodes.outcomeHeader(line).isPresent()) {
                outcomeHeaders++;
            }
            if (line.equalsIgnoreCase("Outcome details") || line.matches("(?i)^Outcome Indicator and Results\\b.*")) {
                outcomeSections = true;
            }
            if (line.equalsIgnoreCase("Outcome summary") || line.equalsIgnoreCase("Our funding partners contributions")
                    || line.equalsIgnoreCase("Outcome progress note for the year")) {
                summary = true;
            }
            if (DeclaredFacts.REPORT_TITLE.matcher(line).matches()) {
                reportTitle = true;
            }
            if (line.matches("(?i)^data as of\\s*:.*")) {
                asOf = true;
            }
        }
        if (bmtsHeaders > 0 || bmtsRows >= 2) {
            return Optional.of(Layout.OUTCOME_PDF_EXPORT);
        }
        if (outcomeHeaders > 0 && (headlines > 0 || outcomeSections)) {
            return Optional.of(Layout.OUTCOME_PAGE);
        }
        if (summary) {
            return Optional.of(Layout.OUTCOME_SUMMARY);
        }
        if (reportTitle || (asOf && outcomeHeaders > 0)) {
            return Optional.of(Layout.COUNTRY_PROGRESS_REPORT);
        }
        if (outcomeHeaders > 0) {
            return Optional.of(Layout.PROGRESS_NOTES_LIST);
        }
        return Optional.empty();
    }
}
