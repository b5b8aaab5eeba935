package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * One value as a document shows it: the token and what it means.
 *
 * @param raw the value's token ({@code "0.19%"}, {@code "TBD"}, {@code ""}, {@code "3 (new)"}); when the page
 *     prints the value twice, the token once
 * @param type how the token reads
 * @param number the number for {@link ValueType#NUMBER}; for {@link ValueType#PERCENT} the percentage
 *     as shown ({@code 0.19} for {@code "0.19%"}); otherwise null
 * @param flag the truth value for {@link ValueType#BOOLEAN}; otherwise null
 * @param printed the text exactly as printed when it is not {@code raw} itself because the page printed the
 *     value twice ({@code "22"} for 2, {@code "0 0"}, {@code "TBDTBD"}); otherwise null
 */
public record ObservedValue(String raw, ValueType type, BigDecimal number, Boolean flag, String printed) {

    public ObservedValue(String raw, ValueType type, BigDecimal number, Boolean flag) {
        this(raw, type, number, flag, null);
    }

    /** Derived from the type, so not part of the JSON. */
    @JsonIgnore
    public boolean isKnown() {
        return type != ValueType.MARKER;
    }

    /** The same value, recorded as printed twice in {@code printed}. */
    public ObservedValue printedAs(String text) {
        return new ObservedValue(raw, type, number, flag, text.equals(raw) ? null : text);
    }
}
