package org.resultsflow.contracts.results;

import java.math.BigDecimal;

/**
 * A partner's contribution to an outcome in one year.
 *
 * @param partnerType the kind of partner the page names ({@code OECD-DAC donor}), or null
 * @param developmentShare the development share in percent as shown ({@code 100} for {@code (100%)}), or null
 * @param humanitarianShare the humanitarian share in percent as shown, or null
 */
public record FundingContribution(
        String partner, String partnerType, int year, Money total, Money development, Money humanitarian,
        BigDecimal developmentShare, BigDecimal humanitarianShare, LineRange lines) {

    public FundingContribution(String partner, int year, Money total, Money development, Money humanitarian,
            LineRange lines) {
        this(partner, null, year, total, development, humanitarian, null, null, lines);
    }
}
