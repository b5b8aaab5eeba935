package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The results tab of an outcome-detail page, indented (each content line led by spaces), unindented, or
 * flattened (labels glued to their values, the statement as the first line). In page order:
 * <ol>
 *   <li>the details: {@code Policy marker …}, {@code UN system function …}, {@code Outcome description};</li>
 *   <li>{@code Outcome resources}: labelled amounts when the page shows any ({@code $5.32 M Planned budget});</li>
 *   <li>the results table: an {@code Outcome} row {@code <code> <statement>} (or {@code <code><statement>View
 *       indicators}), its indicator blocks ({@link IndicatorBlocks}), then under {@code Outputs} one row per
 *       output with its own blocks.</li>
 * </ol>
 * When the page also carries the summary tab's content, its funding table and progress notes are read with
 * the same parts as the summary. Page chrome (tab names, {@code Country Indexes}, map credits, a chart axis
 * run together) is skipped.
 */
final class OutcomeResultsParser implements LayoutParser {

    private static final Pattern ROW = Pattern.compile("^(?<code>" + ResultCodes.CODE + ")\\s*(?<statement>.*?)\\s*"
            + "(?:View indicators)?$");
    private static final Pattern VIEW = Pattern.compile("(?i)^(?:.*\\S)?\\s*View indicators$");
    private static final Pattern RESOURCES = Pattern.compile("(?i)^outcome resources$");
    private static final Pattern RESOURCES_END = Pattern.compile("(?i)^(?:download data|outcome and output results)$");
    private static final Pattern NOTES = Pattern.compile("(?i)^outcome progress note for the year$");
    private static final Pattern DESCRIPTION = Pattern.compile("(?i)^outcome description\\s*(.*)$");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        List<Integer> rows = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            if (isRow(t, i)) {
                rows.add(i);
            }
        }
        OutcomeId ref = null;
        int outcomeRow = -1;
        for (int r : rows) {
            Matcher m = ROW.matcher(t.line(r));
            if (m.matches() && isOutcomeCode(m.group("code"))) {
                ref = OutcomeId.parse(m.group("code")).orElse(null);
                outcomeRow = r;
                break;
            }
        }
        OutcomeDraft outcome = new OutcomeDraft(ref != null ? ref : ctx.address.outcome(), Math.max(outcomeRow, 1));
        outcome.planPeriod = ctx.planPeriod();
        OutcomeDetailsReader.read(ctx, outcome, 1, outcomeRow > 0 ? outcomeRow - 1 : t.size());
        if (outcomeRow > 0) {
            String statement = ROW.matcher(t.line(outcomeRow)).replaceFirst("${statement}").trim();
            if (!statement.isEmpty()) {
                outcome.statement = statement;
            }
            outcome.cover(outcomeRow);
        }
        if (outcome.statement == null) {
            outcome.statement = description(t);
        }

        List<Budget> budgets = new ArrayList<>();
        BudgetDraft budget = new BudgetDraft(outcome.id, BudgetEntityType.OUTCOME, outcome.id);
        int resources = t.find(1, RESOURCES);
        if (resources > 0) {
            for (int i = resources + 1; i <= t.size() && !RESOURCES_END.matcher(t.line(i)).matches(); i++) {
                if (!t.isCut(i)) {
                    budget.readLine(t.line(i), i, ctx);
                }
            }
        }
        // the other tabs' content, when the page carries it: funding partners and progress notes
        LineRange funding = FundingTable.read(ctx, budget.funding);
        if (funding != null && !budget.funding.isEmpty()) {
            budget.cover(funding.first());
            budget.cover(funding.last());
        }
        int notes = t.find(1, NOTES);
        if (notes > 0) {
            NoteSections.read(ctx, outcome, notes + 1);
        }
        if (!budget.isEmpty()) {
            budgets.add(budget.build(ctx.declared.dataYear));
            outcome.cover(budget.lines);
        }

        IndicatorBlocks blocks = new IndicatorBlocks();
        int from = outcomeRow > 0 ? after(t, outcomeRow) : t.size() + 1;
        String parentOutput = null;
        for (int r : rows) {
            if (r <= outcomeRow) {
                continue;
            }
            blocks.read(ctx, from, r - 1, outcome.id, parentOutput, i -> false);
            Matcher m = ROW.matcher(t.line(r));
            m.matches();
            parentOutput = m.group("code");
            if (outcome.code != null && !ResultCodes.isUnder(parentOutput, outcome.code)) {
                ctx.warn(r, "output " + parentOutput + " does not carry the code of outcome " + outcome.code);
            }
            String statement = m.group("statement").trim();
            outcome.addOutput(ctx, new Output(parentOutput, statement.isEmpty() ? null : statement,
                    LineRange.of(r)));
            outcome.cover(r);
            from = after(t, r);
        }
        blocks.read(ctx, from, t.size(), outcome.id, parentOutput, i -> false);
        Indicators indicators = new Indicators();
        blocks.resolve(ctx, indicators);
        return new Result(List.of(outcome.build()), indicators.build(), budgets);
    }

    /** A row of the results table: a result code with its statement, followed by View indicators. */
    private static boolean isRow(SourceText t, int i) {
        String line = t.line(i);
        Matcher m = ROW.matcher(line);
        if (!m.matches() || ResultCodes.isIndicatorCodeLine(line) && !VIEW.matcher(line).matches()) {
            return false;
        }
        if (VIEW.matcher(line).matches()) {
            return true;
        }
        int next = t.nextNonBlank(i + 1);
        return !m.group("statement").isEmpty() && next <= t.size() && VIEW.matcher(t.line(next)).matches();
    }

    /** An outcome code has the form office_D_n.n or office_O_n; an output adds one more number. */
    private static boolean isOutcomeCode(String code) {
        return code.matches("[A-Z][A-Z0-9]*_D_\\d+\\.\\d+|[A-Z][A-Z0-9]*_O_\\d+");
    }

    /** The line after a row and its View indicators line. */
    private static int after(SourceText t, int row) {
        int next = t.nextNonBlank(row + 1);
        return next <= t.size() && t.line(next).equalsIgnoreCase("View indicators") ? next + 1 : row + 1;
    }

    private static String description(SourceText t) {
        for (int i = 1; i <= t.size(); i++) {
            Matcher m = DESCRIPTION.matcher(t.line(i));
            if (m.matches()) {
                int d = m.group(1).isEmpty() ? t.nextNonBlank(i + 1) : i;
                String text = m.group(1).isEmpty() ? (d <= t.size() ? t.line(d) : "") : m.group(1);
                return text.isEmpty() || t.isCut(d) ? null : text;
            }
        }
        return null;
    }
}
