package org.resultsflow.reporting.store;

import java.math.BigDecimal;

/**
 * A funding partner's contributions in one year and one currency, summed over outcomes; {@code currency} and
 * {@code total} null for contributions shown without a number.
 */
public record PartnerTotal(String partner, int year, String currency, BigDecimal total) {
}
