package org.resultsflow.contracts.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The canonical funding of an outcome: each partner's contribution per year. */
public record CatalogFunding(String outcomeId, String office, List<Contribution> contributions) {

    /**
     * One partner's contribution to the outcome in one year. The amounts keep their currency ({@link CatalogMoney}):
     * an IATI contribution in euros has no {@code usd} and is never converted.
     *
     * @param partnerType the kind of partner the document names ({@code OECD-DAC donor}), or null
     * @param developmentShare the development share in percent as shown, or null
     * @param humanitarianShare the humanitarian share in percent as shown, or null
     * @param sequence the rank among the contributions one document states for this partner and year, from 1: two
     *     incoming-funds transactions of one provider in one year are two contributions
     */
    public record Contribution(String partner, String partnerType, int year, CatalogMoney total,
            CatalogMoney development, CatalogMoney humanitarian, BigDecimal developmentShare,
            BigDecimal humanitarianShare, int sequence) {

        public Contribution {
            sequence = Math.max(sequence, 1);
        }

        public Contribution(String partner, String partnerType, int year, CatalogMoney total, CatalogMoney development,
                CatalogMoney humanitarian, BigDecimal developmentShare, BigDecimal humanitarianShare) {
            this(partner, partnerType, year, total, development, humanitarian, developmentShare, humanitarianShare, 1);
        }
    }
}
