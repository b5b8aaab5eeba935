package org.resultsflow.reporting.metrics;

/** Which way an indicator is meant to move from its baseline. */
public enum Direction {
    /** Up is good: the target (or last milestone) is above the baseline. */
    INCREASING,
    /** Down is good: the target (or last milestone) is below the baseline. */
    DECREASING,
    /** Nothing says which way: no comparable baseline and target or milestone, or they are equal. */
    UNKNOWN;

    /**
     * The direction a source declares, as IATI's {@code ascending} does (true: up is good); null where it declares
     * none, so that the direction is inferred.
     */
    public static Direction declared(Boolean ascending) {
        return ascending == null ? null : ascending ? INCREASING : DECREASING;
    }
}
