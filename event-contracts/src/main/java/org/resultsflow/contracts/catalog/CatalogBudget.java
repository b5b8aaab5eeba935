package org.resultsflow.contracts.catalog;

import org.resultsflow.contracts.results.BudgetEntityType;

/**
 * The canonical budget of an outcome or output for one reporting year.
 *
 * @param id {@code <entityId>/<reportingYear>}
 */
public record CatalogBudget(
        String id,
        String entityId,
        BudgetEntityType entityType,
        String outcomeId,
        String office,
        Integer reportingYear,
        CatalogMoney planned,
        CatalogMoney actual,
        CatalogMoney expenses,
        CatalogMoney statedShortfall,
        CatalogMoney core,
        CatalogMoney nonCore) {
}
