package org.resultsflow.reporting.metrics;

/**
 * Why a result cannot be set against the way from baseline to target, or (the last two) why an assessed one has
 * no pace.
 */
public enum ProgressReason {
    /** No baseline with a numeric value. */
    NO_BASELINE,
    /** No target with a numeric value of the baseline's measure. */
    NO_TARGET,
    /** The baseline shows no year, so there is no line from it to the target. */
    UNDATED_BASELINE,
    /** The target's year is not after the baseline's. */
    TARGET_YEAR_NOT_AFTER_BASELINE,
    /** The result is not a number of the baseline's and target's measure (text, a boolean, a percent against a number). */
    NON_NUMERIC,
    /**
     * The target equals the baseline (hold the level): no progress fraction; ON_TRACK when the result is at the
     * target or beyond it in the indicator's direction (at or above when the direction is not declared decreasing),
     * else OFF_TRACK.
     */
    TARGET_AT_BASELINE,
    /** The result's year is at or before the baseline's: nothing was expected yet, so ON_TRACK with no pace. */
    NOTHING_EXPECTED_YET
}
