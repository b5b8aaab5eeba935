package org.resultsflow.contracts.results;

import java.util.List;

/**
 * The money figures of an outcome or output as one document shows them for one reporting year.
 *
 * @param entityId the outcome id or output code the figures belong to
 * @param outcomeId the outcome, itself or the parent of the output
 * @param statedShortfall the shortfall the document states, null when not shown
 * @param core regular resources (core) total, null when not shown
 * @param nonCore other resources (non-core) total, null when not shown
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
        LineRange lines) {
}
