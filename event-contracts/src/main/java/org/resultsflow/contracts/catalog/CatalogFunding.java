package org.resultsflow.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The canonical funding of an outcome: each partner's contribution per year. */
public record CatalogFunding(String outcomeId, String office, List<Contribution> contributions) {

    /**
     * One partner's contribution to the outcome in one year.
     *
     * @param partnerType the kind of partner the document names ({@code OECD-DAC donor}), or null
     * @param developmentShare the development share in percent as shown, or null
     * @param humanitarianShare the humanitarian share in percent as shown, or null
     */
    public record Contribution(String partner, String partnerType, int year, CatalogMoney total,
            CatalogMoney development, CatalogMoney humanitarian, BigDecimal developmentShare,
            BigDecimal humanitarianShare) {
    }
}
