package org.resultsflow.reporting.metrics;

/** Which value a year's result was compared with. */
public enum ExpectedKind {
    MILESTONE,
    /** The target, used in the target year when no milestone is given for it. */
    TARGET
}
