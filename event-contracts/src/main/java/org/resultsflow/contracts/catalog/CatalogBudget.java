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
 * @param conflicts the amounts other documents gave for a figure that differ from the canonical one (a portal
 *     page and an IATI file stating the same outcome's budget of one year), each with its provenance; empty when
 *     none differs
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
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CatalogMoneyFlow> flows,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Conflict> conflicts) {

    public CatalogBudget {
        flows = flows == null ? List.of() : List.copyOf(flows);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
    }

    public CatalogBudget(String id, String entityId, BudgetEntityType entityType, String outcomeId, String office,
            Integer reportingYear, CatalogMoney planned, CatalogMoney actual, CatalogMoney expenses,
            CatalogMoney statedShortfall, CatalogMoney core, CatalogMoney nonCore, List<CatalogMoneyFlow> flows) {
        this(id, entityId, entityType, outcomeId, office, reportingYear, planned, actual, expenses, statedShortfall,
                core, nonCore, flows, List.of());
    }

    public CatalogBudget(String id, String entityId, BudgetEntityType entityType, String outcomeId, String office,
            Integer reportingYear, CatalogMoney planned, CatalogMoney actual, CatalogMoney expenses,
            CatalogMoney statedShortfall, CatalogMoney core, CatalogMoney nonCore) {
        this(id, entityId, entityType, outcomeId, office, reportingYear, planned, actual, expenses, statedShortfall,
                core, nonCore, List.of());
    }

    /**
     * An amount a document gave for one figure that differs from the canonical one.
     *
     * @param field the figure: {@code planned}, {@code actual}, {@code expenses}, {@code statedShortfall},
     *     {@code core} or {@code nonCore}
     */
    public record Conflict(String field, CatalogMoney value) {
    }
}
