package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An amount as shown and resolved to US dollars ({@code "$934.31 K"} is 934,310 USD).
 *
 * <p>An amount in another currency is never converted: {@code usd} is null and {@code amount},
 * {@code currency} and {@code valueDate} say what the document states.
 *
 * @param raw the amount exactly as shown
 * @param usd the amount in US dollars, exact to the precision shown; null when not shown in US dollars
 * @param currency the ISO 4217 code the document gives; null for amounts shown in dollars without a code
 * @param amount the amount in {@code currency}; null when {@code currency} is
 * @param valueDate the date the document gives for the amount's exchange value, or null
 */
public record Money(String raw, BigDecimal usd,
        @JsonInclude(JsonInclude.Include.NON_NULL) String currency,
        @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal amount,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate valueDate) {

    public Money(String raw, BigDecimal usd) {
        this(raw, usd, null, null, null);
    }

    /** An amount in the given currency: in US dollars only when that currency is USD. */
    public static Money in(String raw, String currency, BigDecimal amount, LocalDate valueDate) {
        return new Money(raw, "USD".equals(currency) ? amount : null, currency, amount, valueDate);
    }
}
