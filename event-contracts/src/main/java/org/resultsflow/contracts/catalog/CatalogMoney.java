package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A canonical amount: as shown, in US dollars when it was shown in them, in the currency the document names
 * (never converted), and from which document.
 *
 * @param usd the amount in US dollars; null when not shown in US dollars
 * @param currency the ISO 4217 code the document gives; null for amounts shown in dollars without a code
 * @param amount the amount in {@code currency}; null when {@code currency} is, or when the value is no number
 * @param valueDate the date the document gives for the amount's exchange value, or null
 */
public record CatalogMoney(String raw, BigDecimal usd, Provenance provenance,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal amount,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate valueDate) {

    public CatalogMoney(String raw, BigDecimal usd, Provenance provenance) {
        this(raw, usd, provenance, null, null, null);
    }
}
