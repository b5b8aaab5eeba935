package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;

/**
 * Budget utilisation of one outcome or output in one reporting year. {@code planned}, {@code actual},
 * {@code expenses}, the shortfalls and the funding and delivery rates are in US dollars (null for an amount
 * stated in another currency); {@code *Shown} is the amount as the document showed it.
 *
 * @param computedShortfall planned − actual
 * @param shortfallTolerance how far the stated shortfall may lie from planned − actual through the rounding
 *     of the three shown figures alone
 * @param shortfallMismatch whether the stated shortfall lies further than that; null when none is stated
 * @param overSpend expenses &gt; actual
 * @param plannedAmount the planned amount in {@code plannedCurrency}, the currency it is stated in (USD for amounts
 *     in US dollars); never converted
 * @param expensesAmount the expenses in {@code expensesCurrency}, likewise
 * @param utilisationRate expensesAmount ÷ plannedAmount when both are in one currency; else null
 * @param utilisationReason why there is no utilisation rate ({@link UtilisationReason}); null when there is one
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
        String documentName,
        BigDecimal plannedAmount,
        String plannedCurrency,
        BigDecimal expensesAmount,
        String expensesCurrency,
        BigDecimal utilisationRate,
        String utilisationReason) {
}
