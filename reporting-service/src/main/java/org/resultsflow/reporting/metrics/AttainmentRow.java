package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;

/**
 * Milestone attainment of one indicator in one year and sequence, with what it was computed from.
 *
 * @param sequence the rank of the milestone (or target) among those of the year, 1 for the first
 * @param expectedKind whether the milestone of the year or (target year, no milestone) the target was used;
 *     null when neither is given
 * @param ratio result ÷ milestone for numeric values with a positive milestone; else null
 * @param reason why the year is not assessable; null when it is
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
        AttainmentReason reason) {
}
