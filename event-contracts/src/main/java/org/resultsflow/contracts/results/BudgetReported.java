package org.resultsflow.contracts.results;

/** Data of {@code results.budget.v1}: the budget of one entity in one document. Key: the entity id. */
public record BudgetReported(SourceDocument document, Budget budget) {
}
