package org.resultsflow.reporting.metrics;

/**
 * Why a year of an indicator cannot be assessed, or (the last three, for decreasing indicators) why an assessed
 * year has no ratio.
 */
public enum AttainmentReason {
    /** Neither a milestone for the year nor, in the target year, a target. */
    NO_MILESTONE,
    /** Something is expected of the year but no result is known. */
    NO_RESULT,
    /** The milestone (or target) is a marker such as {@code TBD}: it exists but has no value. */
    MILESTONE_TBD,
    /**
     * Result and milestone are known but cannot be compared as numbers: text, a boolean milestone with a
     * numeric result, or a number against a percent (like is only compared with like).
     */
    NON_NUMERIC,
    /** Decreasing indicator whose milestone equals its baseline: MET when the result is at or below it, no ratio. */
    MILESTONE_AT_BASELINE,
    /** Decreasing indicator whose milestone is above its baseline: MET when the result is at or below it, no ratio. */
    MILESTONE_ABOVE_BASELINE,
    /** Declared decreasing with no baseline of the milestone's measure: MET when the result is at or below it, no ratio. */
    NO_BASELINE
}
