package org.resultsflow.contracts.catalog;

import java.math.BigDecimal;

/** A canonical amount: as shown, in US dollars, and from which document. */
public record CatalogMoney(String raw, BigDecimal usd, Provenance provenance) {
}
