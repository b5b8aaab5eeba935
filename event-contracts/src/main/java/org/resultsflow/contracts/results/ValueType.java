package org.resultsflow.contracts.results;

/** How an observed token reads. A {@link #MARKER} ({@code TBD}, {@code N/A}, {@code -}, empty) has no value and is never 0. */
public enum ValueType {
    NUMBER,
    PERCENT,
    BOOLEAN,
    MARKER
}
