package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contributions of all partners to an outcome (or all outcomes of an office) in one year and one currency: a
 * row per currency, as amounts are never converted and euros are never added to dollars.
 */
@Schema(name = "FundingTotal", description = "Contributions summed per outcome or office, year and currency: one row "
        + "per currency the contributions are stated in (USD first), never converted, plus a row with currency null "
        + "for contributions stated without a number.")
public record FundingTotal(String groupBy, String office, String outcomeId, int year,
        @Schema(description = "Partners with a contribution in this currency that year") long partners,
        @Schema(description = "The sum in US dollars: equal to amount on the USD row, null on every other row")
        BigDecimal total,
        @Schema(description = "ISO 4217 code of the contributions summed (USD for the portal's dollar amounts); null "
                + "for contributions shown without a number, which are counted but not summed") String currency,
        @Schema(description = "The sum of the contributions in currency; null on the row of currency null")
        BigDecimal amount) {
}
