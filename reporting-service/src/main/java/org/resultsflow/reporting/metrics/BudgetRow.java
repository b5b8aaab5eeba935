package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;

/**
 * Budget utilisation of one outcome or output in one reporting year. Amounts in USD; {@code *Shown} is the
 * amount as the document showed it.
 *
 * @param computedShortfall planned − actual
 * @param shortfallTolerance how far the stated shortfall may lie from planned − actual through the rounding
 *     of the three shown figures alone
 * @param shortfallMismatch whether the stated shortfall lies further than that; null when none is stated
 * @param overSpend expenses &gt; actual
 */
public record BudgetRow(
        String id,
        String entityId,
        String entityType,
        String outcomeId,
        String office,
        Integer reportingYear,
        BigDecimal planned,
        String plannedShown,
        BigDecimal actual,
        String actualShown,
        BigDecimal expenses,
        String expensesShown,
        BigDecimal fundingRate,
        BigDecimal deliveryRate,
        BigDecimal computedShortfall,
        BigDecimal statedShortfall,
        String statedShortfallShown,
        BigDecimal shortfallTolerance,
        Boolean shortfallMismatch,
        boolean overSpend,
        String documentId,
        String documentName) {
}
