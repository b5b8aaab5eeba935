package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * One value as a document shows it: the raw token and what it means.
 *
 * @param raw the token exactly as shown ({@code "0.19%"}, {@code "TBD"}, {@code ""})
 * @param type how the token reads
 * @param number the number for {@link ValueType#NUMBER}; for {@link ValueType#PERCENT} the percentage
 *     as shown ({@code 0.19} for {@code "0.19%"}); otherwise null
 * @param flag the truth value for {@link ValueType#BOOLEAN}; otherwise null
 */
public record ObservedValue(String raw, ValueType type, BigDecimal number, Boolean flag) {

    /** Derived from the type, so not part of the JSON. */
    @JsonIgnore
    public boolean isKnown() {
        return type != ValueType.MARKER;
    }
}
