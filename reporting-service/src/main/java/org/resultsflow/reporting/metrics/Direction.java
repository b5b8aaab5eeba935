package org.resultsflow.reporting.metrics;

/** Which way an indicator is meant to move from its baseline. */
public enum Direction {
    /** Up is good: the target (or last milestone) is above the baseline. */
    INCREASING,
    /** Down is good: the target (or last milestone) is below the baseline. */
    DECREASING,
    /** Nothing says which way: no comparable baseline and target or milestone, or they are equal. */
    UNKNOWN
}
