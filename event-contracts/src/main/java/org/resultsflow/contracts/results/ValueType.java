package org.resultsflow.contracts.results;

/**
 * How an observed token reads. A {@link #MARKER} ({@code TBD}, {@code N/A}, {@code -}, empty) has no value
 * and is never 0; a {@link #TEXT} value ({@code 3 (new)}, a sentence) is kept verbatim and is not a number.
 */
public enum ValueType {
    NUMBER,
    PERCENT,
    BOOLEAN,
    MARKER,
    TEXT
}
