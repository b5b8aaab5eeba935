package org.resultsflow.reporting.metrics;

/** What decided an indicator's {@link Direction}, so that a reader can check it. */
public enum DirectionRule {
    /** The source declared it (e.g. IATI's {@code ascending} flag); a declared direction wins over an inferred one. */
    DECLARED,
    /** The target compared with the baseline (equal: {@link Direction#UNKNOWN}). */
    TARGET,
    /** No target with a comparable value: the last milestone with one, compared with the baseline. */
    LAST_MILESTONE,
    /** No baseline, or neither a target nor a milestone of the baseline's measure: {@link Direction#UNKNOWN}. */
    NONE
}
