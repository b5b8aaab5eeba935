package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;

/**
 * How far one result of an indicator has come from the baseline towards the end-of-plan target, against how far
 * a straight line from the baseline year to the target year would have it by that year.
 *
 * @param sequence the rank of the result among those of its year
 * @param progress (R − B) ÷ (T − B), capped to [0, 1]; null when not assessable or the target equals the baseline
 * @param expectedProgress (year − baseline year) ÷ (target year − baseline year), capped to [0, 1]; null when
 *     there is no such line
 * @param pace progress ÷ expected progress; null when either is null or nothing was expected yet
 * @param reason why the result is not assessable, or why an assessed one has no pace; else null
 */
public record ProgressRow(
        String indicatorId,
        int year,
        int sequence,
        String indicatorCode,
        String statement,
        String outcomeId,
        String outputCode,
        String office,
        Direction direction,
        DirectionRule directionRule,
        String baselineRaw,
        BigDecimal baselineValue,
        Integer baselineYear,
        String targetRaw,
        BigDecimal targetValue,
        Integer targetYear,
        String resultRaw,
        BigDecimal resultValue,
        BigDecimal progress,
        BigDecimal expectedProgress,
        BigDecimal pace,
        ProgressStatus status,
        ProgressReason reason) {
}
