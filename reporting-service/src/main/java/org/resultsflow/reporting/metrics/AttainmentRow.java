package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;

/**
 * Milestone attainment of one indicator in one year and sequence, with what it was computed from.
 *
 * @param sequence the rank of the milestone (or target) among those of the year, 1 for the first
 * @param expectedKind whether the milestone of the year or (target year, no milestone) the target was used;
 *     null when neither is given
 * @param ratio result ÷ milestone for numeric values with a positive milestone, (baseline − result) ÷ (baseline −
 *     milestone) for a decreasing indicator with its milestone below its baseline; else null
 * @param reason why the year is not assessable, or why an assessed decreasing year has no ratio; else null
 * @param direction which way the indicator is meant to move, as {@link IndicatorPlan} decides it
 * @param directionRule what decided the direction
 */
public record AttainmentRow(
        String indicatorId,
        int year,
        int sequence,
        String indicatorCode,
        String statement,
        String outcomeId,
        String outputCode,
        String office,
        String resultRaw,
        String resultType,
        BigDecimal resultValue,
        ExpectedKind expectedKind,
        String expectedRaw,
        String expectedType,
        BigDecimal expectedValue,
        BigDecimal ratio,
        AttainmentStatus status,
        AttainmentReason reason,
        Direction direction,
        DirectionRule directionRule) {
}
