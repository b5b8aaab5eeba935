package org.resultsflow.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** Data of {@code catalog.budget.v1}. Key: the budget id ({@code <entityId>/<reportingYear>}). */
public record BudgetChanged(String budgetId, long version, List<String> changedFields, Instant changedAt,
        CatalogBudget budget) {
}
