package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;

/**
 * Every number standing in an indicator block of seeds 001 and 004 is accounted for: it is the value or
 * year of an extracted observation on that line, part of an extracted code or statement, an amount of an
 * extracted budget, the headline of a result that was extracted, or a baseline year of 0 ("no baseline")
 * that was deliberately not turned into an observation. The blocks are found here independently of the
 * parser (from each code line / table header to the next).
 */
class NumbersAccountedForTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*%?");
    private static final Pattern HEADLINE = Pattern.compile("^(\\d{4}) Result (.*)$");

    @Test
    void outcomePageNumbers() {
        List<String> lines = Samples.lines(Samples.S001);
        List<int[]> blocks = new ArrayList<>();
        int start = -1;
        for (int i = 1; i <= lines.size(); i++) {
            String l = lines.get(i - 1).trim();
            boolean code = ResultCodes.isIndicatorCodeLine(l);
            boolean end = l.startsWith("OUTPUT ") || l.startsWith("Output Indicator") || l.startsWith("Strategic Note");
            if ((code || end) && start > 0) {
                blocks.add(new int[] {start, i - 1});
                start = -1;
            }
            if (code) {
                start = i;
            }
        }
        assertTrue(blocks.size() >= 39, "blocks found: " + blocks.size());
        check(Samples.S001, lines, blocks);
    }

    @Test
    void pdfExportNumbers() {
        List<String> lines = Samples.lines(Samples.S004);
        List<int[]> blocks = new ArrayList<>();
        int start = -1;
        for (int i = 1; i <= lines.size(); i++) {
            String l = lines.get(i - 1).trim();
            boolean header = l.endsWith("YEAR BMTS REPORTED RESULT");
            boolean end = l.startsWith("STRATEGIC NOTE");
            if ((header || end) && start > 0) {
                blocks.add(new int[] {start, i - 1});
                start = -1;
            }
            if (header) {
                start = i;
            }
        }
        assertTrue(blocks.size() >= 39, "blocks found: " + blocks.size());
        check(Samples.S004, lines, blocks);
    }

    static List<String> fieldPages() {
        return FieldPages.pages().isEmpty() ? List.of("(no corpus)") : FieldPages.pages();
    }

    /**
     * Every corpus page with indicator blocks: a block runs from an indicator code line to the next code line,
     * the next result row (a line followed by {@code View indicators}) or the end; the cut last line of an
     * excerpt is not read, so it is not counted.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("fieldPages")
    void fieldPageNumbers(String page) throws DocumentRejectedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FieldPages.present(), "shared/field-pages not found");
        byte[] bytes = FieldPages.bytes(page);
        SourceText t = SourceText.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            lines.add(t.raw(i));
        }
        List<int[]> blocks = new ArrayList<>();
        int start = -1;
        int last = t.isCut(t.size()) ? t.size() - 1 : t.size();
        for (int i = 1; i <= last; i++) {
            String l = t.line(i);
            boolean code = ResultCodes.isIndicatorCodeLine(l) && !(start > 0 && l.equals(t.line(start)));
            boolean row = l.endsWith("View indicators") || i < t.size() && t.line(i + 1).equals("View indicators")
                    || l.equals("Outputs");
            if ((code || row) && start > 0) {
                blocks.add(new int[] {start, i - 1});
                start = -1;
            }
            if (code) {
                start = i;
            }
        }
        if (start > 0) {
            blocks.add(new int[] {start, last});
        }
        if (blocks.isEmpty()) {
            return;
        }
        Extraction x = new DocumentParser().parse(bytes, "text/plain; charset=UTF-8",
                PageAddress.parse(FieldPages.key(page).get("url").asText()));
        check(page, x, lines, blocks, 1);
    }

    private static void check(String sample, List<String> lines, List<int[]> blocks) {
        check(sample, Samples.parse(sample), lines, blocks, 300);
    }

    private static void check(String sample, Extraction x, List<String> lines, List<int[]> blocks, int atLeast) {
        List<String> unaccounted = new ArrayList<>();
        int numbers = 0;
        for (int[] b : blocks) {
            for (int i = b[0]; i <= b[1]; i++) {
                String line = lines.get(i - 1).trim();
                Matcher m = NUMBER.matcher(line);
                while (m.find()) {
                    numbers++;
                    if (!accounted(x, lines, i, line, m.group())) {
                        unaccounted.add(sample + " line " + i + ": '" + m.group() + "' in '" + line + "'");
                    }
                }
            }
        }
        assertTrue(numbers >= atLeast, "too few numbers seen: " + numbers);
        assertTrue(unaccounted.isEmpty(), unaccounted.size() + " numbers not accounted for:\n" + String.join("\n", unaccounted));
    }

    private static boolean covers(LineRange r, int line) {
        return r != null && r.first() <= line && line <= r.last();
    }

    private static boolean accounted(Extraction x, List<String> lines, int i, String line, String token) {
        if (x.warnings().stream().anyMatch(w -> w.line() == i)) {
            return true; // seen and reported: a record cut by the end of the page, a value not kept
        }
        for (Indicator ind : x.indicators()) {
            if (!covers(ind.lines(), i)) {
                continue;
            }
            for (Observation o : ind.observations()) {
                if (covers(o.lines(), i) && (o.value().raw().equals(token) || token.equals(o.value().printed())
                        || String.valueOf(o.year()).equals(token)
                        || o.value().raw().contains(token) && line.equals(o.value().printed() != null
                                ? o.value().printed() : o.value().raw()))) {
                    return true; // the value, its printed form, its year, or a number inside a text value
                }
            }
            if (ind.code() != null && ind.code().contains(token) && line.equals(ind.code())) {
                return true;
            }
            if (ind.statement() != null && line.length() > 1 && ind.statement().contains(line)) {
                return true; // a number inside the statement's text ("SP 3.8.1", "(CO)", "COVID-19")
            }
            Matcher h = HEADLINE.matcher(line);
            if (h.matches()) {
                int year = Integer.parseInt(h.group(1));
                for (Observation o : ind.observations()) {
                    if (Integer.valueOf(year).equals(o.year()) && o.kind() == ObservationKind.RESULT
                            && o.value().raw().equals(h.group(2).trim())
                            && (token.equals(h.group(1)) || token.equals(h.group(2).trim()))) {
                        return true;
                    }
                }
            }
            if (line.equals("0") && i < lines.size() && lines.get(i).trim().equals("Baseline")) {
                boolean usedAsYear = ind.observations().stream()
                        .anyMatch(o -> o.kind() == ObservationKind.BASELINE && o.lines().first() == i);
                if (!usedAsYear) {
                    return true; // a baseline year of 0: "no baseline", deliberately no observation
                }
            }
        }
        for (Budget b : x.budgets()) {
            if (!covers(b.lines(), i)) {
                continue;
            }
            for (Money m : new Money[] {b.planned(), b.actual(), b.expenses(), b.statedShortfall(), b.core(), b.nonCore()}) {
                if (m != null && m.raw().contains(token) && line.contains(m.raw())) {
                    return true;
                }
            }
            for (FundingContribution f : b.funding()) {
                if (f.total().raw().contains(token) && line.contains(f.total().raw())) {
                    return true;
                }
            }
        }
        for (Outcome o : x.outcomes()) {
            if (o.statement() != null && o.statement().contains(line)) {
                return true; // the outcome statement repeated in a table
            }
            for (Output out : o.outputs()) {
                if (covers(out.lines(), i) && ((out.statement() != null && out.statement().contains(line))
                        || line.endsWith(out.code()))) {
                    return true;
                }
            }
        }
        // Not values, named one by one: a page footer ("19/40"), the SDG logo of an indicator ("Goal 5";
        // the indicator record has no SDG field), and the explanatory notes the page puts between an
        // indicator's code and statement ("Data reported for 2022 results against this indicator ...").
        if (line.matches("^\\d{1,4}/\\d{1,4}$") || line.matches("^Goal \\d{1,2}$")
                || (line.startsWith("Data reported for ") && line.length() > 200)) {
            return true;
        }
        if (line.matches("(?i)^showing data of\\s*:\\s*\\d{4}$") && x.facts().dataYear() != null
                && token.equals(String.valueOf(x.facts().dataYear()))) {
            return true;
        }
        return false;
    }
}
