package org.resultsflow.reporting.metrics;

/** Whether an indicator's result of a year is where a straight line from baseline to target would have it. */
public enum ProgressStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK,
    NOT_ASSESSABLE;

    public boolean assessable() {
        return this != NOT_ASSESSABLE;
    }
}
