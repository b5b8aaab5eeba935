package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;
import org.resultsflow.contracts.catalog.CatalogMoney;

/**
 * An amount in the currency it is stated in: what budget utilisation divides and funding totals add up, only ever
 * with amounts of the same currency, never after a conversion.
 */
public record StatedAmount(BigDecimal value, String currency) {

    /**
     * The amount in the currency the document names, else in US dollars (the portal's amounts are shown in dollars
     * without a code); null when it is neither (not a number).
     */
    public static StatedAmount of(CatalogMoney money) {
        if (money == null) {
            return null;
        }
        if (money.amount() != null && money.currency() != null) {
            return new StatedAmount(money.amount(), money.currency());
        }
        return money.usd() == null ? null : new StatedAmount(money.usd(), "USD");
    }
}
