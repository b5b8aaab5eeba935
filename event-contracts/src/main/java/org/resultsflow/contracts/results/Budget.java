package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The money figures of an outcome or output as one document shows them for one reporting year.
 *
 * @param entityId the outcome id or output code the figures belong to
 * @param outcomeId the outcome, itself or the parent of the output
 * @param statedShortfall the shortfall the document states, null when not shown
 * @param core regular resources (core) total, null when not shown
 * @param nonCore other resources (non-core) total, null when not shown
 * @param flows the budgets, planned disbursements and transactions (IATI) the figures of this year are
 *     computed from, each as stated; empty for documents of other sources
 * @param office the office the document gives the outcome (an IATI activity: the outcome's office, on each of
 *     its records); null when it gives none, and then the office is the outcome code's prefix
 */
public record Budget(
        String entityId,
        BudgetEntityType entityType,
        String outcomeId,
        Integer reportingYear,
        Money planned,
        Money actual,
        Money expenses,
        Money statedShortfall,
        Money core,
        Money nonCore,
        List<FundingContribution> funding,
        LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MoneyFlow> flows,
        @JsonInclude(JsonInclude.Include.NON_NULL) String office) {

    public Budget {
        flows = flows == null ? List.of() : List.copyOf(flows);
    }

    public Budget(String entityId, BudgetEntityType entityType, String outcomeId, Integer reportingYear,
            Money planned, Money actual, Money expenses, Money statedShortfall, Money core, Money nonCore,
            List<FundingContribution> funding, LineRange lines) {
        this(entityId, entityType, outcomeId, reportingYear, planned, actual, expenses, statedShortfall, core, nonCore,
                funding, lines, List.of(), null);
    }
}
