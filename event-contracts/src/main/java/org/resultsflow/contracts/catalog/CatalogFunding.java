package org.resultsflow.contracts.catalog;

import java.util.List;

/** The canonical funding of an outcome: each partner's contribution per year. */
public record CatalogFunding(String outcomeId, String office, List<Contribution> contributions) {

    /** One partner's contribution to the outcome in one year. */
    public record Contribution(String partner, int year, CatalogMoney total, CatalogMoney development,
            CatalogMoney humanitarian) {
    }
}
