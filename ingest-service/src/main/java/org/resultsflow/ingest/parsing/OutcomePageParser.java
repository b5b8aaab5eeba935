package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The outcome web page. Sections, in page order, each found by its title line:
 * <ol>
 *   <li>the outcome header ({@code outcome MEX_D_2.1XM-DAC-41146-MEX_D_2.1}) and statement; whatever stands
 *       before it is the page's country header, often boilerplate of another country, and is not read;</li>
 *   <li>{@code Outcome details}: SDG alignment, impact areas, policy marker, humanitarian scope, UN system
 *       functions, description;</li>
 *   <li>{@code Resources}: the outcome's labelled amounts;</li>
 *   <li>{@code Outcome Indicator and Results}: the outcome's indicator blocks ({@link IndicatorBlocks});</li>
 *   <li>{@code OUTPUT <code>} sections: statement, the output's labelled amounts, its indicator blocks;</li>
 *   <li>{@code Strategic Note Outcome Progress Note}: statement again and the narrative, up to
 *       {@code Documents}.</li>
 * </ol>
 */
final class OutcomePageParser implements LayoutParser {

    private static final Pattern DETAILS = Pattern.compile("(?i)^outcome details$");
    private static final Pattern RESOURCES = Pattern.compile("(?i)^resources$");
    private static final Pattern OUTCOME_INDICATORS = Pattern.compile("(?i)^outcome indicator and results\\b.*");
    private static final Pattern OUTPUT_INDICATORS = Pattern.compile("(?i)^output indicator and results\\b.*");
    private static final Pattern NOTE = Pattern.compile("(?i)^strategic note outcome progress note\\b.*");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int header = -1;
        OutcomeId ref = null;
        for (int i = 1; i <= t.size() && header < 0; i++) {
            Optional<OutcomeId> r = ResultCodes.outcomeHeader(t.line(i));
            if (r.isPresent()) {
                header = i;
                ref = r.get();
            }
        }
        // Without a header line (the glued rendering) the title follows the country header directly, and the
        // outcome is the one the page's address names.
        int stmt = header > 0 ? t.nextNonBlank(header + 1) : HeadlessNotes.firstContent(t, 1);
        OutcomeDraft outcome = new OutcomeDraft(ref != null ? ref : ctx.address.outcome(), header > 0 ? header : stmt);
        outcome.planPeriod = ctx.planPeriod();
        int details = t.find(header + 1, DETAILS);
        if (stmt <= t.size() && (details < 0 || stmt < details) && OutcomeDetails.label(t.line(stmt)) == null
                && !t.isCut(stmt) && !ResultCodes.isIndicatorCodeLine(t.line(stmt))) {
            outcome.statement = t.line(stmt);
            outcome.cover(stmt);
        } else {
            ctx.warn(Math.max(header, 1), outcome.label() + " shows no statement after its header");
        }

        // sections are looked for after the details: the page's tab names repeat their titles before
        int sections = Math.max(header, details) + 1;
        int resources = t.find(sections, RESOURCES);
        int outcomeIndicators = t.find(sections, OUTCOME_INDICATORS);
        int outputIndicators = t.find(sections, OUTPUT_INDICATORS);
        int note = t.find(sections, NOTE);
        int end = t.size();
        int[] marks = {details, resources, outcomeIndicators, outputIndicators, note};

        if (details > 0) {
            OutcomeDetailsReader.read(ctx, outcome, details + 1, SourceText.nextMark(marks, details, end) - 1);
        }
        List<Budget> budgets = new ArrayList<>();
        Integer year = ctx.declared.dataYear;
        BudgetDraft outcomeBudget = new BudgetDraft(outcome.id, BudgetEntityType.OUTCOME, outcome.id);
        if (resources > 0) {
            for (int i = resources + 1; i < SourceText.nextMark(marks, resources, end); i++) {
                if (!t.isCut(i)) {
                    outcomeBudget.readLine(t.line(i), i, ctx);
                }
            }
        }
        if (!outcomeBudget.isEmpty()) {
            budgets.add(outcomeBudget.build(year));
            outcome.cover(outcomeBudget.lines);
        }

        Indicators indicators = new Indicators();
        IndicatorBlocks blocks = new IndicatorBlocks();
        if (outcomeIndicators < 0 && details < 0 && outcome.statement != null) {
            // the result-resources page lists indicators right after the outcome, without a section title
            blocks.read(ctx, stmt + 1, SourceText.nextMark(marks, stmt, end) - 1, outcome.id, null, i -> false);
        }
        if (outcomeIndicators > 0) {
            int to = SourceText.nextMark(marks, outcomeIndicators, end) - 1;
            int from = outcomeIndicators + 1;
            for (int i = from; i <= to; i++) {
                Optional<String> out = ResultCodes.outputHeader(t.line(i));
                if (out.isPresent()) {
                    to = i - 1;
                    break;
                }
            }
            from = skipRepeatedHeader(ctx, outcome, from, to);
            blocks.read(ctx, from, to, outcome.id, null, i -> false);
            outcome.cover(new LineRange(outcomeIndicators, Math.max(outcomeIndicators, to)));
        }
        readOutputs(ctx, outcome, Math.max(1, header + 1), note > 0 ? note - 1 : end, blocks, budgets, year);
        blocks.resolve(ctx, indicators);

        if (note > 0) {
            readNote(ctx, outcome, note, end);
        }
        return new Result(List.of(outcome.build()), indicators.build(), budgets);
    }

    /** The indicator section repeats {@code OUTCOME <code>} and the statement; both are checked, not re-read. */
    private static int skipRepeatedHeader(ParseContext ctx, OutcomeDraft outcome, int from, int to) {
        SourceText t = ctx.text;
        int i = t.nextNonBlank(from);
        if (i > to) {
            return from;
        }
        Optional<OutcomeId> again = ResultCodes.outcomeHeader(t.line(i));
        if (again.isEmpty()) {
            return from;
        }
        if (!again.get().code().equals(outcome.code)) {
            ctx.warn(i, "indicator section of outcome " + again.get().code() + " on the page of " + outcome.code
                    + "; read as indicators of " + outcome.code + " is not certain");
        }
        int s = t.nextNonBlank(i + 1);
        if (s <= to && outcome.statement != null
                && NormalisedStatement.of(t.line(s)).equals(NormalisedStatement.of(outcome.statement))) {
            return s + 1;
        }
        return i + 1;
    }

    private void readOutputs(ParseContext ctx, OutcomeDraft outcome, int from, int to, IndicatorBlocks blocks,
            List<Budget> budgets, Integer year) {
        SourceText t = ctx.text;
        List<Integer> headers = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            if (ResultCodes.outputHeader(t.line(i)).isPresent()) {
                headers.add(i);
            }
        }
        for (int h = 0; h < headers.size(); h++) {
            int header = headers.get(h);
            int end = h + 1 < headers.size() ? headers.get(h + 1) - 1 : to;
            String code = ResultCodes.outputHeader(t.line(header)).orElseThrow();
            if (outcome.code != null && !ResultCodes.isUnder(code, outcome.code)) {
                ctx.warn(header, "output " + code + " does not carry the code of outcome " + outcome.code);
            }
            BudgetDraft budget = new BudgetDraft(code, BudgetEntityType.OUTPUT, outcome.id);
            // statement: the paragraph after the header, up to the first budget line, code line or headline
            List<String> statement = new ArrayList<>();
            int last = header;
            int i = t.nextNonBlank(header + 1);
            while (i <= end) {
                String l = t.line(i);
                if (l.isEmpty()) {
                    if (!statement.isEmpty()) {
                        break;
                    }
                    i++;
                    continue;
                }
                if (MoneyValues.AMOUNT.matcher(l).find() || ResultCodes.isIndicatorCodeLine(l)
                        || IndicatorBlocks.HEADLINE.matcher(l).matches()) {
                    break;
                }
                statement.add(l);
                last = i;
                i++;
            }
            if (statement.isEmpty()) {
                ctx.warn(header, "output " + code + " shows no statement");
            }
            Output output = new Output(code, statement.isEmpty() ? null : Statements.joinWrapped(statement),
                    new LineRange(header, last));
            outcome.addOutput(ctx, output);
            blocks.read(ctx, last + 1, end, outcome.id, code, line -> budget.readLine(t.line(line), line, ctx));
            if (!budget.isEmpty()) {
                budgets.add(budget.build(year));
            }
            outcome.cover(new LineRange(header, end));
        }
    }

    /** The note: statement again, then the narrative up to the end of the page's content. */
    private void readNote(ParseContext ctx, OutcomeDraft outcome, int note, int end) {
        SourceText t = ctx.text;
        int i = t.nextNonBlank(note + 1);
        if (i <= end && outcome.statement != null
                && NormalisedStatement.of(t.line(i)).equals(NormalisedStatement.of(outcome.statement))) {
            i++;
        }
        List<String> text = new ArrayList<>();
        int first = -1;
        int last = -1;
        for (; i <= end; i++) {
            String l = t.line(i);
            if (l.isEmpty()) {
                continue;
            }
            if (Boilerplate.isPageEnd(l)) {
                break;
            }
            text.add(l);
            first = first < 0 ? i : first;
            last = i;
        }
        if (text.isEmpty()) {
            ctx.warn(note, "progress note section without a narrative");
            return;
        }
        addNote(ctx, outcome, text, new LineRange(first, last), "\n");
    }

    /** A note of the outcome, its year by the rules of {@link NoteYears}. */
    static void addNote(ParseContext ctx, OutcomeDraft outcome, List<String> paragraphs, LineRange range, String sep) {
        String narrative = String.join(sep, paragraphs);
        outcome.addNote(Notes.read(ctx, narrative, range.first(), range.last(), outcome.label()), ctx);
    }
}
