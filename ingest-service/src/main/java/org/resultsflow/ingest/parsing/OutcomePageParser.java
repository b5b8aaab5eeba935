package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;

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
    private static final Pattern PAGE_END = Pattern.compile("(?i)^(?:documents|disclaimer and notes|download data|feedback)$");

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int header = -1;
        ResultCodes.OutcomeRef ref = null;
        for (int i = 1; i <= t.size() && header < 0; i++) {
            Optional<ResultCodes.OutcomeRef> r = ResultCodes.outcomeHeader(t.line(i));
            if (r.isPresent()) {
                header = i;
                ref = r.get();
            }
        }
        OutcomeDraft outcome = new OutcomeDraft(ref, header);
        outcome.planPeriod = ctx.declared.planPeriod;
        int stmt = t.nextNonBlank(header + 1);
        int details = t.find(header + 1, DETAILS);
        if (stmt <= t.size() && (details < 0 || stmt < details) && OutcomeDetails.label(t.line(stmt)) == null) {
            outcome.statement = t.line(stmt);
            outcome.cover(stmt);
        } else {
            ctx.warn(header, "outcome " + ref.id() + " shows no statement after its header");
        }

        int resources = t.find(Math.max(header, details) + 1, RESOURCES);
        int outcomeIndicators = t.find(header + 1, OUTCOME_INDICATORS);
        int outputIndicators = t.find(header + 1, OUTPUT_INDICATORS);
        int note = t.find(header + 1, NOTE);
        int end = t.size();
        int[] marks = {details, resources, outcomeIndicators, outputIndicators, note};

        if (details > 0) {
            readDetails(ctx, outcome, details + 1, SourceText.nextMark(marks, details, end) - 1);
        }
        List<Budget> budgets = new ArrayList<>();
        Integer year = ctx.declared.dataYear;
        BudgetDraft outcomeBudget = new BudgetDraft(outcome.id, BudgetEntityType.OUTCOME, outcome.id);
        if (resources > 0) {
            for (int i = resources + 1; i < SourceText.nextMark(marks, resources, end); i++) {
                outcomeBudget.readLine(t.line(i), i, ctx);
            }
        }
        if (!outcomeBudget.isEmpty()) {
            budgets.add(outcomeBudget.build(year));
            outcome.cover(outcomeBudget.lines);
        }

        Indicators indicators = new Indicators();
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
            IndicatorBlocks.read(ctx, from, to, outcome.id, null, i -> false, indicators);
            outcome.cover(new LineRange(outcomeIndicators, Math.max(outcomeIndicators, to)));
        }
        readOutputs(ctx, outcome, header + 1, note > 0 ? note - 1 : end, indicators, budgets, year);

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
        Optional<ResultCodes.OutcomeRef> again = ResultCodes.outcomeHeader(t.line(i));
        if (again.isEmpty()) {
            return from;
        }
        if (!again.get().code().equals(outcome.code)) {
            ctx.warn(i, "indicator section of outcome " + again.get().code() + " on the page of " + outcome.code
                    + "; read as indicators of " + outcome.code + " is not certain");
        }
        int s = t.nextNonBlank(i + 1);
        if (s <= to && outcome.statement != null
                && Statements.normalise(t.line(s)).equals(Statements.normalise(outcome.statement))) {
            return s + 1;
        }
        return i + 1;
    }

    private void readDetails(ParseContext ctx, OutcomeDraft outcome, int from, int to) {
        SourceText t = ctx.text;
        OutcomeDetails.Label current = null;
        List<String> description = new ArrayList<>();
        List<Integer> placeholders = new ArrayList<>();
        int descFirst = -1;
        int descLast = -1;
        for (int i = from; i <= to; i++) {
            String line = t.line(i);
            if (line.isEmpty()) {
                continue;
            }
            OutcomeDetails.LabelLine ll = OutcomeDetails.label(line);
            String value;
            boolean inline;
            if (ll != null) {
                current = ll.label();
                value = ll.inline();
                inline = true;
                if (value.isEmpty()) {
                    continue;
                }
            } else {
                value = line;
                inline = false;
            }
            if (current == null) {
                continue;
            }
            switch (current) {
                case SDG_ALIGNMENT -> {
                    if (OutcomeDetails.namesGoal(value)) {
                        addOnce(outcome.sdgAlignment, value);
                        outcome.cover(i);
                    } else {
                        placeholders.add(i);
                    }
                }
                case IMPACT_AREAS -> {
                    addOnce(outcome.impactAreas, value);
                    outcome.cover(i);
                }
                case POLICY_MARKER -> setOnce(ctx, outcome, "policy marker", value, i, true);
                case HUMANITARIAN_SCOPE -> setOnce(ctx, outcome, "humanitarian scope", value, i, false);
                case UN_SYSTEM_FUNCTION -> {
                    for (String f : inline ? OutcomeDetails.splitRunTogether(value) : List.of(value)) {
                        addOnce(outcome.unSystemFunctions, f);
                    }
                    outcome.cover(i);
                }
                case DESCRIPTION -> {
                    description.add(value);
                    descFirst = descFirst < 0 ? i : descFirst;
                    descLast = i;
                }
                default -> {
                    // organisational outputs, UN partners: not part of the outcome record
                }
            }
        }
        if (!placeholders.isEmpty()) {
            ctx.warn(placeholders.get(0), "SDG alignment shows only images without the goal's name (lines "
                    + placeholders.get(0) + "-" + placeholders.get(placeholders.size() - 1) + "); no goal taken");
        }
        if (!description.isEmpty()) {
            outcome.description = Statements.joinWrapped(description);
            outcome.cover(new LineRange(descFirst, descLast));
        }
    }

    static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    static void setOnce(ParseContext ctx, OutcomeDraft o, String what, String value, int line, boolean marker) {
        String seen = marker ? o.policyMarker : o.humanitarianScope;
        if (seen != null && !seen.equals(value)) {
            ctx.warn(line, what + " shown as '" + seen + "' and as '" + value + "'; the first is kept");
            return;
        }
        if (marker) {
            o.policyMarker = value;
        } else {
            o.humanitarianScope = value;
        }
        o.cover(line);
    }

    private void readOutputs(ParseContext ctx, OutcomeDraft outcome, int from, int to, Indicators indicators,
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
                        || LayoutDetector.HEADLINE.matcher(l).matches()) {
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
            addOutput(ctx, outcome, output);
            IndicatorBlocks.read(ctx, last + 1, end, outcome.id, code, line -> budget.readLine(t.line(line), line, ctx),
                    indicators);
            if (!budget.isEmpty()) {
                budgets.add(budget.build(year));
            }
            outcome.cover(new LineRange(header, end));
        }
    }

    static void addOutput(ParseContext ctx, OutcomeDraft outcome, Output output) {
        for (Output o : outcome.outputs) {
            if (o.code().equals(output.code())) {
                if (output.statement() != null && o.statement() != null
                        && !Statements.normalise(o.statement()).equals(Statements.normalise(output.statement()))) {
                    ctx.warn(output.lines().first(), "output " + output.code() + " shown again with another statement;"
                            + " the first (line " + o.lines().first() + ") is kept");
                }
                return;
            }
        }
        outcome.outputs.add(output);
    }

    /** The note: statement again, then the narrative up to the end of the page's content. */
    private void readNote(ParseContext ctx, OutcomeDraft outcome, int note, int end) {
        SourceText t = ctx.text;
        int i = t.nextNonBlank(note + 1);
        if (i <= end && outcome.statement != null
                && Statements.normalise(t.line(i)).equals(Statements.normalise(outcome.statement))) {
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
            if (PAGE_END.matcher(l).matches()) {
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

    /** A note of the page's declared data year; the narrative's own opening must not contradict it. */
    static void addNote(ParseContext ctx, OutcomeDraft outcome, List<String> paragraphs, LineRange range, String sep) {
        String narrative = String.join(sep, paragraphs);
        Integer dataYear = ctx.declared.dataYear;
        OptionalInt own = Narratives.openingYear(narrative);
        int year;
        if (dataYear != null) {
            if (own.isPresent() && own.getAsInt() != dataYear) {
                ctx.warn(range.first(), "progress note reports on " + own.getAsInt() + " but the page shows data of "
                        + dataYear + "; note skipped");
                return;
            }
            year = dataYear;
        } else if (own.isPresent()) {
            year = own.getAsInt();
        } else {
            ctx.warn(range.first(), "progress note: the page declares no data year and the note's opening names none;"
                    + " note skipped");
            return;
        }
        outcome.addNote(new ProgressNote(year, Narratives.status(narrative), narrative, range), ctx);
    }
}
