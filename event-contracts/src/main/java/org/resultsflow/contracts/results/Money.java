package org.resultsflow.contracts.results;

import java.math.BigDecimal;

/**
 * An amount as shown and resolved to US dollars ({@code "$934.31 K"} is 934,310 USD).
 *
 * @param raw the amount exactly as shown
 * @param usd the amount in US dollars, exact to the precision shown
 */
public record Money(String raw, BigDecimal usd) {
}
