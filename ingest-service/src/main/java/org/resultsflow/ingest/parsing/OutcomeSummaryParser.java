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
import org.resultsflow.contracts.rules.OutcomeId;

/**
 * The summary tab of an outcome: {@code Outcome summary} and the statement, tooltips to skip, the funding
 * partners' contributions ({@link FundingTable}) and the progress notes under their titles
 * ({@link NoteSections}).
 *
 * <p>The page itself does not show the outcome's id or code (the portal has it only in the address): the
 * outcome is the one the address names, or its records carry a null id, with a warning, rather than an id
 * guessed from the statement.
 */
final class OutcomeSummaryParser implements LayoutParser {

    @Override
    public Result parse(ParseContext ctx) {
        SourceText t = ctx.text;
        int title = find(t, 1, "Outcome summary");
        Optional<OutcomeId> ref = findOutcomeId(t).or(() -> Optional.ofNullable(ctx.address.outcome()));
        OutcomeDraft outcome = new OutcomeDraft(ref.orElse(null), title > 0 ? title : 1);
        if (ref.isEmpty()) {
            ctx.warn(title > 0 ? title : 1, "the outcome summary does not show the outcome's id or code; its outcome"
                    + " and budget carry no id (the caller must supply it)");
        }
        int statementLine = title > 0 ? t.nextNonBlank(title + 1) : -1;
        if (statementLine > 0 && statementLine <= t.size() && !FundingTable.isSectionTitle(t.line(statementLine))) {
            outcome.statement = t.line(statementLine);
            outcome.cover(statementLine);
        } else {
            ctx.warn(title > 0 ? title : 1, "no outcome statement after the title");
        }
        outcome.planPeriod = ctx.planPeriod();

        List<FundingContribution> funding = new ArrayList<>();
        LineRange tableLines = FundingTable.read(ctx, funding);

        int notesTitle = find(t, 1, "Outcome progress note for the year");
        if (notesTitle > 0 && outcome.statement != null) {
            NoteSections.read(ctx, outcome, notesTitle + 1);
        }
        List<Budget> budgets = new ArrayList<>();
        if (!funding.isEmpty()) {
            budgets.add(new Budget(outcome.id, BudgetEntityType.OUTCOME, outcome.id, ctx.declared.dataYear,
                    null, null, null, null, null, null, List.copyOf(funding), tableLines));
            outcome.cover(tableLines);
        }
        return new Result(outcome.statement == null ? List.of() : List.of(outcome.build()), List.of(), budgets);
    }

    private static Optional<OutcomeId> findOutcomeId(SourceText t) {
        Pattern fullId = Pattern.compile("XM-DAC-\\d+-" + ResultCodes.CODE);
        for (int i = 1; i <= t.size(); i++) {
            String line = t.line(i);
            if (line.length() > 200) {
                continue;
            }
            Optional<OutcomeId> h = ResultCodes.outcomeHeader(line);
            if (h.isPresent()) {
                return h;
            }
            Matcher m = fullId.matcher(line);
            if (m.find()) {
                return OutcomeId.parse(m.group());
            }
        }
        return Optional.empty();
    }

    private static int find(SourceText t, int from, String exact) {
        for (int i = from; i <= t.size(); i++) {
            if (t.line(i).equalsIgnoreCase(exact)) {
                return i;
            }
        }
        return -1;
    }




}
