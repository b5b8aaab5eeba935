package org.resultsflow.ingest.parsing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts a document states about itself, wherever they stand: {@code Data as of: <date>},
 * {@code Showing data of : <year>} (also {@code Showing country level data of <year>}), {@code Plan Period : <yyyy-yyyy>} and the title of a yearly report
 * ({@code Progress in Mexico country in 2023}). A fact stated twice with different values is not used.
 */
final class DeclaredFacts {

    private static final Pattern AS_OF = Pattern.compile("(?i)\\bdata as of\\s*:?\\s*(.+?)\\s*$");
    private static final Pattern DATA_YEAR = Pattern.compile(
            "(?i)\\bshowing\\s+(?:[a-z-]+\\s+){0,2}data of\\s*:?\\s*((?:19|20)\\d{2})\\b");
    private static final Pattern PLAN_PERIOD =
            Pattern.compile("(?i)\\bplan period\\s*:\\s*((?:19|20)\\d{2})\\s*[-\u2010-\u2015]\\s*((?:19|20)\\d{2})\\b");
    /** Title of a yearly report; the year is the year the progress is reported for. */
    static final Pattern REPORT_TITLE =
            Pattern.compile("^Progress in (.+?) in ((?:19|20)\\d{2})$", Pattern.CASE_INSENSITIVE);

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ENGLISH));

    final LocalDate asOf;
    final int asOfLine;
    final Integer dataYear;
    final int dataYearLine;
    final String planPeriod;
    final int planPeriodLine;
    final Integer reportYear;
    final int reportYearLine;
    final List<ParseWarning> warnings;

    private DeclaredFacts(Found<LocalDate> asOf, Found<Integer> dataYear, Found<String> planPeriod,
            Found<Integer> reportYear, List<ParseWarning> warnings) {
        this.asOf = asOf.value;
        this.asOfLine = asOf.line;
        this.dataYear = dataYear.value;
        this.dataYearLine = dataYear.line;
        this.planPeriod = planPeriod.value;
        this.planPeriodLine = planPeriod.line;
        this.reportYear = reportYear.value;
        this.reportYearLine = reportYear.line;
        this.warnings = List.copyOf(warnings);
    }

    static DeclaredFacts read(SourceText text) {
        List<ParseWarning> warnings = new ArrayList<>();
        Found<LocalDate> asOf = new Found<>("data as-of date");
        Found<Integer> dataYear = new Found<>("data year");
        Found<String> planPeriod = new Found<>("plan period");
        Found<Integer> reportYear = new Found<>("report year");
        for (int i = 1; i <= text.size(); i++) {
            String line = text.line(i);
            if (line.isEmpty() || line.length() > 400) {
                continue; // facts stand on short lines, never inside a narrative
            }
            // Each pattern is tried only on a line that has its words: this loop sees every line of a page.
            String lower = SourceText.lower(line);
            Matcher m = AS_OF.matcher(line);
            if (lower.contains("data as of") && m.find()) {
                LocalDate date = parseDate(m.group(1));
                if (date == null) {
                    warnings.add(new ParseWarning(i, "as-of date not understood: '" + m.group(1) + "'"));
                } else {
                    asOf.offer(date, i, warnings);
                }
            }
            m = DATA_YEAR.matcher(line);
            if (lower.contains("data of") && m.find()) {
                dataYear.offer(Integer.valueOf(m.group(1)), i, warnings);
            }
            m = PLAN_PERIOD.matcher(line);
            if (lower.contains("plan period") && m.find()) {
                planPeriod.offer(m.group(1) + "-" + m.group(2), i, warnings);
            }
            m = REPORT_TITLE.matcher(line);
            if (lower.startsWith("progress in ") && m.matches()) {
                reportYear.offer(Integer.valueOf(m.group(2)), i, warnings);
            }
        }
        return new DeclaredFacts(asOf, dataYear, planPeriod, reportYear, warnings);
    }

    static LocalDate parseDate(String s) {
        String t = s.trim().replaceAll("\\s+", " ").replaceAll("[.]$", "");
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** The first value found, unless a different one is found later (then none). */
    private static final class Found<T> {
        final String what;
        T value;
        int line;
        boolean conflict;

        Found(String what) {
            this.what = what;
        }

        void offer(T v, int at, List<ParseWarning> warnings) {
            if (conflict) {
                return;
            }
            if (value == null) {
                value = v;
                line = at;
            } else if (!value.equals(v)) {
                warnings.add(new ParseWarning(at, "document states two different " + what + "s (" + value
                        + " at line " + line + ", " + v + " here); neither is used"));
                value = null;
                line = 0;
                conflict = true;
            }
        }
    }
}
