package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The PDF export of an outcome page. The text is read as paragraphs (lines between blank lines); page
 * footers ({@code 19/40}), printed addresses and the browser's breadcrumb are noise. Sections:
 * <ol>
 *   <li>{@code OUTCOME <code> <full id>} and the statement paragraph;</li>
 *   <li>{@code OUTCOME DETAILS}: labels and values as on the web page, but the two-column layout can
 *       displace a value away from its label (the policy marker stands after the UN partners list): a
 *       value left over is given to the one label still without a value whose values look like it, with a
 *       warning; otherwise it is skipped;</li>
 *   <li>{@code RESOURCES}: label and amount as a two-line paragraph in either order ({@code $166.39 K} /
 *       {@code Planned Budget}, {@code TOTAL OTHER RESOURCES (NON-CORE)} / {@code $203,202}); after the
 *       {@code Funding Partners} titles a partner name and amount pair is that partner's contribution in the
 *       page's data year;</li>
 *   <li>indicator tables: {@code OUTCOME <code>} or {@code OUTPUT <code>}, then tables whose header is
 *       {@code [OUTCOME STATEMENT] INDICATOR STATEMENT YEAR BMTS REPORTED RESULT}: with the first column,
 *       the first paragraph is the outcome's (or output's) statement; then the indicator statement, then
 *       one row per line. Output budgets ({@code Planned Budget:}, {@code Actual Budget and Shortfall:},
 *       {@code Shortfall:}, {@code Expenses:}) stand between the tables of their output;</li>
 *   <li>{@code STRATEGIC NOTE OUTCOME PROGRESS NOTE}: statement again, then the narrative.</li>
 * </ol>
 *
 * <p>A row is {@code <year> (<Baseline|Milestone|Target>) <BMTS> <REPORTED RESULT>}: the planned value of
 * that kind for the year, then the result reported for the year. A baseline row has no year when there is
 * no baseline ({@code (Baseline) - N/A}) and its result column is always {@code N/A} (no result belongs to
 * a baseline): that column is not an observation. A row with one token has an empty result cell (the
 * current year, not yet reported: {@code 2024 (Milestone) 5}, which the web page shows as milestone
 * {@code 5 5}); the empty cell is a marker, never 0. The export shows no indicator codes: indicators are
 * keyed by parent and normalised statement.
 */
final class OutcomePdfExportParser implements LayoutParser {

    private static final Pattern FOOTER = Pattern.compile("^\\d{1,4}\\s*/\\s*\\d{1,4}$");
    private static final Pattern URL = Pattern.compile("^(?:https?://|www\\.)\\S+$");
    private static final Pattern DETAILS = Pattern.compile("(?i)^outcome details$");
    private static final Pattern RESOURCES = Pattern.compile("(?i)^resources$");
    private static final Pattern TABLES = Pattern.compile("(?i)^outcome indicator and results\\b.*");
    private static final Pattern NOTE = Pattern.compile("(?i)^strategic note outcome progress note\\b.*");
    private static final Pattern TABLE_HEADER =
            Pattern.compile("(?i)^(?<parent>(?:outcome|output) statement\\s+)?indicator statement\\s+year\\s+bmts\\s+reported\\s+result$");
    private static final Pattern ROW = Pattern.compile(
            "^(?:(?<year>(?:19|20)\\d{2})\\s*)?\\((?<kind>(?i:baseline|milestones?|target))\\)\\s*(?<rest>.*)$");
    private static final Pattern IGNORED = Pattern.compile(
            "(?i)^(?:output indicator and results|(?:outcome|output) statement|showing data of\\s*:.*|"
                    + "b\\s*-\\s*baseline\\s+m\\s*-\\s*milestones?\\s+t\\s*-\\s*target)$");
    private static final Pattern PARTNERS_TITLE = Pattern.compile("(?i)^.*\\bfunding partners\\s*:?$");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        boolean[] noise = noise(t);
        int header = -1;
        OutcomeId ref = null;
        for (int i = 1; i <= t.size() && header < 0; i++) {
            Optional<OutcomeId> r = ResultCodes.outcomeHeader(t.line(i));
            if (r.isPresent()) {
                header = i;
                ref = r.get();
            }
        }
        if (header < 0) {
            ctx.warn(1, "the export shows no outcome header; nothing can be attached to an outcome");
            return new Result(List.of(), List.of(), List.of());
        }
        OutcomeDraft outcome = new OutcomeDraft(ref, header);
        outcome.planPeriod = ctx.declared.planPeriod;
        int details = t.find(header + 1, DETAILS);
        int resources = t.find(header + 1, RESOURCES);
        int tables = t.find(header + 1, TABLES);
        int note = t.find(header + 1, NOTE);
        int end = t.size();
        int[] marks = {details, resources, tables, note};

        List<List<Integer>> head = paragraphs(t, noise, header + 1, SourceText.nextMark(marks, header, end) - 1);
        if (!head.isEmpty()) {
            List<Integer> p = head.get(0);
            outcome.statement = join(t, p);
            outcome.cover(range(p));
        } else {
            ctx.warn(header, "outcome " + ref.id() + " shows no statement after its header");
        }
        if (details > 0) {
            OutcomeDetailsReader.read(ctx, outcome, details + 1, SourceText.nextMark(marks, details, end) - 1, noise);
        }
        Integer year = ctx.declared.dataYear;
        List<Budget> budgets = new ArrayList<>();
        BudgetDraft outcomeBudget = new BudgetDraft(outcome.id, BudgetEntityType.OUTCOME, outcome.id);
        if (resources > 0) {
            readResources(ctx, outcomeBudget, noise, resources + 1, SourceText.nextMark(marks, resources, end) - 1, year);
        }
        Indicators indicators = new Indicators();
        List<BudgetDraft> outputBudgets = new ArrayList<>();
        if (tables > 0) {
            int to = SourceText.nextMark(marks, tables, end) - 1;
            readTables(ctx, outcome, outcomeBudget, noise, tables + 1, to, indicators, outputBudgets);
            outcome.cover(new LineRange(tables, Math.max(tables, to)));
        }
        if (!outcomeBudget.isEmpty()) {
            budgets.add(outcomeBudget.build(year));
            outcome.cover(outcomeBudget.lines);
        }
        for (BudgetDraft b : outputBudgets) {
            if (!b.isEmpty()) {
                budgets.add(b.build(year));
            }
        }
        if (note > 0) {
            readNote(ctx, outcome, noise, note + 1, end);
        }
        return new Result(List.of(outcome.build()), indicators.build(), budgets);
    }

    // ---------------------------------------------------------------- text helpers

    private static boolean[] noise(SourceText t) {
        boolean[] noise = new boolean[t.size() + 2];
        for (int i = 1; i <= t.size(); i++) {
            String l = t.line(i);
            if (FOOTER.matcher(l).matches() || URL.matcher(l).matches()) {
                noise[i] = true;
            }
        }
        // the browser's breadcrumb stands right before the printed page address
        for (int i = 1; i < t.size(); i++) {
            int next = t.nextNonBlank(i + 1);
            if (!noise[i] && !t.isBlank(i) && next <= t.size() && URL.matcher(t.line(next)).matches()
                    && t.line(i).matches("(?i)^home\\b.{0,60}$")) {
                noise[i] = true;
            }
        }
        return noise;
    }

    /** Paragraphs: runs of non-blank lines; noise lines are left out without ending a paragraph. */
    private static List<List<Integer>> paragraphs(SourceText t, boolean[] noise, int from, int to) {
        return paragraphs(t, noise, from, to, l -> false);
    }

    /**
     * Paragraphs, where a line for which {@code standalone} holds is a paragraph of its own even without
     * blank lines around it (the export often glues a table header or row to the line before it).
     */
    private static List<List<Integer>> paragraphs(SourceText t, boolean[] noise, int from, int to,
            java.util.function.Predicate<String> standalone) {
        List<List<Integer>> out = new ArrayList<>();
        List<Integer> cur = new ArrayList<>();
        for (int i = Math.max(1, from); i <= to; i++) {
            if (noise[i]) {
                continue;
            }
            if (t.isBlank(i)) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
            } else if (standalone.test(t.line(i))) {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
                out.add(List.of(i));
            } else {
                cur.add(i);
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    private static String join(SourceText t, List<Integer> p) {
        List<String> lines = new ArrayList<>();
        p.forEach(i -> lines.add(t.line(i)));
        return Statements.joinWrapped(lines);
    }

    private static LineRange range(List<Integer> p) {
        return new LineRange(p.get(0), p.get(p.size() - 1));
    }

    // ---------------------------------------------------------------- resources

    private void readResources(ParseContext ctx, BudgetDraft budget, boolean[] noise, int from, int to, Integer year) {
        SourceText t = ctx.text;
        boolean partners = false;
        for (List<Integer> p : paragraphs(t, noise, from, to)) {
            if (p.size() == 2) {
                int a = p.get(0);
                int b = p.get(1);
                Optional<Money> ma = MoneyValues.read(t.line(a));
                Optional<Money> mb = MoneyValues.read(t.line(b));
                if (ma.isPresent() != mb.isPresent()) {
                    int labelLine = ma.isPresent() ? b : a;
                    int moneyLine = ma.isPresent() ? a : b;
                    Money money = ma.isPresent() ? ma.get() : mb.get();
                    String label = t.line(labelLine);
                    BudgetDraft.Field f = BudgetDraft.field(label);
                    if (f != null) {
                        budget.set(f, money, moneyLine, ctx);
                        budget.cover(labelLine);
                    } else if (partners) {
                        if (year == null) {
                            ctx.warn(moneyLine, "contribution of '" + label + "' without a declared data year; skipped");
                        } else {
                            budget.funding.add(new FundingContribution(label, year, money, null, null, range(p)));
                            budget.cover(a);
                            budget.cover(b);
                        }
                    } else {
                        ctx.warn(moneyLine, "amount " + money.raw() + " under '" + label + "', not a known budget label;"
                                + " skipped");
                    }
                    continue;
                }
            }
            for (int i : p) {
                String l = t.line(i);
                if (budget.readLine(l, i, ctx)) {
                    continue;
                }
                if (PARTNERS_TITLE.matcher(l).matches()) {
                    partners = true;
                } else if (MoneyValues.single(l).isPresent()) {
                    ctx.warn(i, "amount without a label it certainly belongs to; skipped: '" + l + "'");
                }
            }
        }
    }

    // ---------------------------------------------------------------- indicator tables

    private enum State { IDLE, PARENT_STATEMENT, INDICATOR_STATEMENT, ROWS }

    private void readTables(ParseContext ctx, OutcomeDraft outcome, BudgetDraft outcomeBudget, boolean[] noise,
            int from, int to, Indicators indicators, List<BudgetDraft> outputBudgets) {
        SourceText t = ctx.text;
        State state = State.IDLE;
        String outputCode = null;
        int outputHeader = -1;
        BudgetDraft budget = outcomeBudget;
        IndicatorDraft d = null;
        for (List<Integer> p : paragraphs(t, noise, from, to, OutcomePdfExportParser::structural)) {
            String first = t.line(p.get(0));
            Matcher th = TABLE_HEADER.matcher(first);
            Optional<String> out = ResultCodes.outputHeader(first);
            Optional<OutcomeId> oc = ResultCodes.outcomeHeader(first);
            if (th.matches() || out.isPresent() || oc.isPresent()) {
                finish(ctx, d, indicators);
                d = null;
                if (th.matches()) {
                    state = th.group("parent") != null ? State.PARENT_STATEMENT : State.INDICATOR_STATEMENT;
                } else if (out.isPresent()) {
                    outputCode = out.get();
                    outputHeader = p.get(0);
                    if (outcome.code != null && !ResultCodes.isUnder(outputCode, outcome.code)) {
                        ctx.warn(outputHeader, "output " + outputCode + " does not carry the code of outcome " + outcome.code);
                    }
                    budget = new BudgetDraft(outputCode, BudgetEntityType.OUTPUT, outcome.id);
                    outputBudgets.add(budget);
                    state = State.IDLE;
                } else {
                    if (!oc.get().code().equals(outcome.code)) {
                        ctx.warn(p.get(0), "table of outcome " + oc.get().code() + " in the export of " + outcome.code
                                + "; its indicators are attached to " + outcome.code);
                    }
                    outputCode = null;
                    budget = outcomeBudget;
                    state = State.IDLE;
                }
                if (p.size() > 1) {
                    ctx.warn(p.get(1), "text right after a table header not understood; skipped");
                }
                continue;
            }
            if (p.size() == 1 && IGNORED.matcher(first).matches()) {
                continue;
            }
            if (readBudget(ctx, budget, p)) {
                continue;
            }
            boolean rows = p.stream().allMatch(i -> ROW.matcher(t.line(i)).matches());
            if (rows) {
                if (d == null) {
                    ctx.warn(p.get(0), "table rows without an indicator statement before them; skipped");
                    continue;
                }
                for (int i : p) {
                    row(ctx, d, i);
                }
                state = State.ROWS;
                continue;
            }
            switch (state) {
                case PARENT_STATEMENT -> {
                    String s = join(t, p);
                    if (outputCode == null) {
                        if (outcome.statement != null
                                && !NormalisedStatement.of(s).equals(NormalisedStatement.of(outcome.statement))) {
                            ctx.warn(p.get(0), "the outcome statement in the table differs from the outcome's; kept the first");
                        }
                    } else {
                        outcome.addOutput(ctx, new Output(outputCode, s,
                                new LineRange(outputHeader, p.get(p.size() - 1))));
                    }
                    state = State.INDICATOR_STATEMENT;
                }
                case INDICATOR_STATEMENT, ROWS -> {
                    finish(ctx, d, indicators);
                    d = new IndicatorDraft(outcome.id, outputCode, p.get(0));
                    d.statement = join(t, p);
                    d.cover(range(p));
                    if (d.statement.matches("(?i).*\\(\\s*desk review\\s*\\)\\s*$")) {
                        d.tags.add("Desk Review");
                    }
                    state = State.ROWS;
                }
                default -> ctx.warn(p.get(0), "text in the indicator tables not understood; skipped: '"
                        + abbreviate(first) + "'");
            }
        }
        finish(ctx, d, indicators);
    }

    /** Lines that stand on their own in the tables: headers, rows, ignored titles, labelled amounts. */
    private static boolean structural(String l) {
        return TABLE_HEADER.matcher(l).matches() || ROW.matcher(l).matches() || IGNORED.matcher(l).matches()
                || ResultCodes.outputHeader(l).isPresent() || ResultCodes.outcomeHeader(l).isPresent()
                || !BudgetDraft.labelled(l).isEmpty();
    }

    private static void finish(ParseContext ctx, IndicatorDraft d, Indicators indicators) {
        if (d == null) {
            return;
        }
        if (d.hasObservations()) {
            indicators.add(d, ctx);
        } else {
            ctx.warn(d.lines.first(), d.label() + " shows no values (page cut off?); skipped");
        }
    }

    /** An output's labelled amounts: label and amount on one line or as a two-line paragraph. */
    private static boolean readBudget(ParseContext ctx, BudgetDraft budget, List<Integer> p) {
        SourceText t = ctx.text;
        if (p.size() == 2) {
            Optional<Money> mb = MoneyValues.read(t.line(p.get(1)));
            BudgetDraft.Field f = BudgetDraft.field(t.line(p.get(0)));
            if (f != null && mb.isPresent()) {
                budget.set(f, mb.get(), p.get(1), ctx);
                budget.cover(p.get(0));
                return true;
            }
        }
        if (p.size() == 1 && budget.readLine(t.line(p.get(0)), p.get(0), ctx)) {
            return true;
        }
        if (p.size() == 1 && BudgetDraft.field(t.line(p.get(0))) != null) {
            ctx.warn(p.get(0), "budget label '" + t.line(p.get(0)) + "' without an amount after it; skipped");
            return true;
        }
        return false;
    }

    private static void row(ParseContext ctx, IndicatorDraft d, int line) {
        String l = ctx.text.line(line);
        Matcher m = ROW.matcher(l);
        if (!m.matches()) {
            return;
        }
        ObservationKind kind = IndicatorBlocks.kind(m.group("kind"));
        String rest = m.group("rest").trim();
        String[] tokens = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (tokens.length > 2) {
            ctx.warn(line, d.label() + ": row '" + l + "' has more than two values; skipped");
            return;
        }
        String planned = tokens.length >= 1 ? tokens[0] : "";
        String result = tokens.length == 2 ? tokens[1] : "";
        LineRange at = LineRange.of(line);
        Integer year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
        ObservedValue pv = ValueTokens.read(planned);
        if (year != null || kind == ObservationKind.BASELINE) {
            d.addRow(year, kind, pv, at);
        } else if (pv.isKnown()) {
            ctx.warn(line, d.label() + ": " + kind.name().toLowerCase() + " value '" + planned + "' without a year;"
                    + " which year it is of is not shown, so it is not kept");
        }
        if (kind == ObservationKind.BASELINE) {
            if (!result.isEmpty() && !ValueTokens.isMarker(result)) {
                ctx.warn(line, d.label() + ": a result '" + result + "' on a baseline row; skipped");
            }
            return;
        }
        if (year == null) {
            if (!ValueTokens.isMarker(result)) {
                ctx.warn(line, d.label() + ": result '" + result + "' without a year; skipped");
            }
            return;
        }
        d.addRow(year, ObservationKind.RESULT, ValueTokens.read(result), at);
    }

    // ---------------------------------------------------------------- progress note

    private void readNote(ParseContext ctx, OutcomeDraft outcome, boolean[] noise, int from, int to) {
        SourceText t = ctx.text;
        List<List<Integer>> ps = paragraphs(t, noise, from, to);
        int k = 0;
        if (!ps.isEmpty() && outcome.statement != null
                && NormalisedStatement.of(join(t, ps.get(0))).equals(NormalisedStatement.of(outcome.statement))) {
            k = 1;
        }
        List<String> text = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (; k < ps.size(); k++) {
            List<Integer> p = ps.get(k);
            if (Boilerplate.isPageEnd(t.line(p.get(0)))) {
                break;
            }
            text.add(join(t, p));
            first = first < 0 ? p.get(0) : first;
            last = p.get(p.size() - 1);
        }
        if (text.isEmpty()) {
            ctx.warn(from - 1, "progress note section without a narrative");
            return;
        }
        OutcomePageParser.addNote(ctx, outcome, text, new LineRange(first, last), "\n");
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
