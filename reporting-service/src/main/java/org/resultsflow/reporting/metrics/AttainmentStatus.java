package org.resultsflow.reporting.metrics;

/** How a year's result compares with what was expected of it: met, partly met, not met, or not assessable. */
public enum AttainmentStatus {
    MET,
    PARTIAL,
    NOT_MET,
    NOT_ASSESSABLE;

    public boolean assessable() {
        return this != NOT_ASSESSABLE;
    }
}
