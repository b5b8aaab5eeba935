package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A partner's contribution to an outcome in one year.
 *
 * @param partnerType the kind of partner the page names ({@code OECD-DAC donor}), or null
 * @param developmentShare the development share in percent as shown ({@code 100} for {@code (100%)}), or null
 * @param humanitarianShare the humanitarian share in percent as shown, or null
 * @param sequence the rank of this contribution among the document's contributions of the same partner and year
 *     (an IATI activity's two incoming-funds transactions of one provider in one year are two contributions, 1
 *     and 2); null where the document states one contribution per partner and year, which counts as 1
 */
public record FundingContribution(
        String partner, String partnerType, int year, Money total, Money development, Money humanitarian,
        BigDecimal developmentShare, BigDecimal humanitarianShare, LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequence) {

    public FundingContribution(String partner, String partnerType, int year, Money total, Money development,
            Money humanitarian, BigDecimal developmentShare, BigDecimal humanitarianShare, LineRange lines) {
        this(partner, partnerType, year, total, development, humanitarian, developmentShare, humanitarianShare, lines,
                null);
    }

    public FundingContribution(String partner, int year, Money total, Money development, Money humanitarian,
            LineRange lines) {
        this(partner, null, year, total, development, humanitarian, null, null, lines, null);
    }

    /** The rank among the document's contributions of this partner and year: 1 when none is given. */
    public int rank() {
        return sequence == null ? 1 : sequence;
    }
}
