package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;

/**
 * Nothing is extracted that the document does not show where the record says it came from: every code,
 * statement, description, detail, note, raw token, year, partner name and amount as shown occurs in the
 * source lines named by its line range (compared without whitespace, since wrapped lines are joined). An
 * outcome code may instead come from the page's address. Checked on the samples and on every page of the
 * field corpus.
 */
class NothingInventedTest {

    static List<String> samples() {
        return Samples.ALL;
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyExtractedTextStandsInItsLines(String sample) {
        check(sample, Samples.lines(sample), Samples.parse(sample), PageAddress.NONE);
    }

    static List<String> fieldPages() {
        return FieldPages.pages().isEmpty() ? List.of("(no corpus)") : FieldPages.pages();
    }

    @ParameterizedTest
    @MethodSource("fieldPages")
    void everyValueOfAFieldPageStandsInItsLines(String page) throws DocumentRejectedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(FieldPages.present(), "shared/field-pages not found");
        PageAddress address = PageAddress.parse(FieldPages.key(page).get("url").asText());
        String text = new String(FieldPages.bytes(page), java.nio.charset.StandardCharsets.UTF_8);
        Extraction x;
        try {
            x = new DocumentParser().parse(FieldPages.bytes(page), "text/plain; charset=UTF-8", address);
        } catch (DocumentRejectedException e) {
            return; // a page that shows nothing: nothing to check
        }
        SourceText t = SourceText.of(text);
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            lines.add(t.raw(i));
        }
        check(page, lines, x, address);
    }

    private static void check(String sample, List<String> lines, Extraction x, PageAddress address) {
        List<String> problems = new ArrayList<>();
        int checks = 0;
        for (Outcome o : x.outcomes()) {
            if (address.outcome() == null || !address.outcome().code().equals(o.code())) {
                checks += in(problems, lines, o.lines(), "outcome code", o.code());
            }
            checks += in(problems, lines, o.lines(), "outcome statement", o.statement());
            checks += in(problems, lines, o.lines(), "description", o.description());
            checks += in(problems, lines, o.lines(), "policy marker", o.policyMarker());
            checks += in(problems, lines, o.lines(), "humanitarian scope", o.humanitarianScope());
            if (address.planPeriod() == null) {
                checks += in(problems, lines, o.lines(), "plan period", o.planPeriod());
            }
            for (String s : o.impactAreas()) {
                checks += in(problems, lines, o.lines(), "impact area", s);
            }
            for (String s : o.unSystemFunctions()) {
                checks += in(problems, lines, o.lines(), "UN system function", s);
            }
            for (String s : o.sdgAlignment()) {
                checks += in(problems, lines, o.lines(), "SDG", s);
            }
            for (Output out : o.outputs()) {
                checks += in(problems, lines, out.lines(), "output code", out.code());
                checks += in(problems, lines, out.lines(), "output statement", out.statement());
                for (ProgressNote n : out.progressNotes()) {
                    checks += in(problems, lines, n.lines(), "output note text", n.text());
                }
            }
            for (ProgressNote n : o.progressNotes()) {
                checks += in(problems, lines, n.lines(), "note text", n.text());
                checks += in(problems, lines, o.lines(), "note within outcome", n.text());
            }
        }
        for (Indicator ind : x.indicators()) {
            checks += in(problems, lines, ind.lines(), "indicator code", ind.code());
            checks += in(problems, lines, ind.lines(), "indicator statement", ind.statement());
            for (String tag : ind.tags()) {
                String shown = tag.equals("Desk Review") ? "(Desk Review)" : tag;
                checks += in(problems, lines, ind.lines(), "tag", shown);
            }
            for (Observation ob : ind.observations()) {
                checks += in(problems, lines, ob.lines(), "raw token of " + ind.key(), ob.value().raw());
                checks += in(problems, lines, ob.lines(), "year of " + ind.key(),
                        ob.year() == null ? null : String.valueOf(ob.year()));
                checks += in(problems, lines, ob.lines(), "printed token of " + ind.key(), ob.value().printed());
                if (ob.lines().first() < ind.lines().first() || ob.lines().last() > ind.lines().last()) {
                    problems.add(ind.key() + ": observation lines " + ob.lines() + " outside the indicator's " + ind.lines());
                }
            }
        }
        for (Budget b : x.budgets()) {
            for (Money m : new Money[] {b.planned(), b.actual(), b.expenses(), b.statedShortfall(), b.core(), b.nonCore()}) {
                if (m != null) {
                    checks += in(problems, lines, b.lines(), "amount of " + b.entityId(), m.raw());
                }
            }
            for (FundingContribution f : b.funding()) {
                checks += in(problems, lines, f.lines(), "partner", f.partner());
                checks += in(problems, lines, f.lines(), "partner total", f.total().raw());
                if (f.development() != null) {
                    checks += in(problems, lines, f.lines(), "development", f.development().raw());
                }
                if (f.humanitarian() != null) {
                    checks += in(problems, lines, f.lines(), "humanitarian", f.humanitarian().raw());
                }
                if (!x.facts().toString().contains(String.valueOf(f.year()))) {
                    checks += in(problems, lines, f.lines(), "funding year", String.valueOf(f.year()));
                }
            }
        }
        assertTrue(checks > 0);
        assertTrue(problems.isEmpty(), sample + ": " + problems.size() + " extracted values not found in their lines:\n"
                + String.join("\n", problems));
    }

    private static int in(List<String> problems, List<String> lines, LineRange r, String what, String value) {
        if (value == null) {
            return 0;
        }
        if (r == null) {
            problems.add(what + " '" + value + "' has no line range");
            return 1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = r.first(); i <= r.last(); i++) {
            sb.append(lines.get(i - 1));
        }
        String source = squeeze(sb.toString());
        if (!source.contains(squeeze(value))) {
            problems.add(what + " '" + (value.length() > 60 ? value.substring(0, 60) + "..." : value)
                    + "' not in lines " + r.first() + "-" + r.last());
        }
        return 1;
    }

    private static String squeeze(String s) {
        return s.replaceAll("[\\s\\u00A0]+", "");
    }
}
