package org.resultsflow.reporting.store;

import java.math.BigDecimal;

/** A funding partner's contributions in one year, summed over outcomes; {@code total} null when none states one. */
public record PartnerTotal(String partner, int year, BigDecimal total) {
}
