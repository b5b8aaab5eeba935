package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.resultsflow.contracts.results.BudgetEntityType;

/**
 * The canonical budget of an outcome or output for one reporting year.
 *
 * @param id {@code <entityId>/<reportingYear>}
 * @param flows the budgets, planned disbursements and transactions of an IATI activity's year, as the best
 *     document states them; empty for documents of other sources
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
        CatalogMoney nonCore,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CatalogMoneyFlow> flows) {

    public CatalogBudget {
        flows = flows == null ? List.of() : List.copyOf(flows);
    }

    public CatalogBudget(String id, String entityId, BudgetEntityType entityType, String outcomeId, String office,
            Integer reportingYear, CatalogMoney planned, CatalogMoney actual, CatalogMoney expenses,
            CatalogMoney statedShortfall, CatalogMoney core, CatalogMoney nonCore) {
        this(id, entityId, entityType, outcomeId, office, reportingYear, planned, actual, expenses, statedShortfall,
                core, nonCore, List.of());
    }
}
