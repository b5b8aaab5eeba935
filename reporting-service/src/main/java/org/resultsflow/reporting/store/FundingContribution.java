package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One partner's contribution to an outcome in one year: its amount in the currency the document states it in,
 * with {@code total} the US-dollar figure where it is one; {@code totalShown} as the document showed it. Nothing
 * is converted: a contribution in euros has {@code totalAmount} and {@code totalCurrency} EUR and no {@code total}.
 *
 * @param partnerType the kind of partner the document names, or null
 * @param developmentShare the development share in percent as shown, or null
 */
@Schema(name = "FundingContribution", description = "A partner's contribution to an outcome in a year. Identity: "
        + "outcome, partner, year and sequence.")
public record FundingContribution(String office, String outcomeId, String partner, String partnerType, int year,
        @Schema(description = "The contribution in US dollars; null when the document states it in another currency "
                + "(see totalAmount and totalCurrency) or not as a number") BigDecimal total,
        @Schema(description = "The amount as the document shows it") String totalShown,
        @Schema(description = "Development part in US dollars, where the document shows one") BigDecimal development,
        @Schema(description = "Humanitarian part in US dollars, where the document shows one") BigDecimal humanitarian,
        BigDecimal developmentShare, BigDecimal humanitarianShare,
        @Schema(description = "Rank among the contributions one document states for this partner and year, from 1: an "
                + "IATI activity's two incoming-funds transactions of one provider in one year are 1 and 2") int sequence,
        @Schema(description = "The amount in totalCurrency, never converted; null when not stated as a number")
        BigDecimal totalAmount,
        @Schema(description = "ISO 4217 code of totalAmount: the document's (an IATI value's currency), USD for the "
                + "portal's dollar amounts; null when the amount is not a number") String totalCurrency,
        @Schema(description = "The date the document gives for the amount's exchange value (IATI value-date), or null")
        LocalDate totalValueDate) {
}
