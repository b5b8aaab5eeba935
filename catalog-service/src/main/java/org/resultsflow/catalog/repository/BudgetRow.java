package org.resultsflow.catalog.repository;

import java.math.BigDecimal;

/**
 * One canonical budget of {@code /api/budgets} as an export row: the entity and year, and each of its six amounts
 * in eight columns, {@code <amount>Raw} (as the document shows it), {@code <amount>Usd} (when shown in US dollars),
 * {@code <amount>Currency} and {@code <amount>Amount} (the currency a document names and the amount in it, never
 * converted), {@code <amount>ValueDate}, and where it was read: {@code <amount>DocumentId},
 * {@code <amount>FirstLine}, {@code <amount>LastLine}. An amount no document gives is empty in all eight.
 *
 * @param budgetId {@code <entityId>/<reportingYear>}
 * @param entityType OUTCOME or OUTPUT
 * @param flows how many budgets, planned disbursements and transactions of an IATI activity's year the budget keeps
 *     ({@code /api/budgets} lists them)
 * @param conflicts how many amounts other documents gave for one of the six that differ from the one that stands
 *     ({@code /api/budgets} lists them with their provenance)
 */
public record BudgetRow(String budgetId, String entityId, String entityType, String outcomeId, String office,
        Integer reportingYear,
        String plannedRaw, BigDecimal plannedUsd, String plannedCurrency, BigDecimal plannedAmount,
        String plannedValueDate, String plannedDocumentId, Integer plannedFirstLine, Integer plannedLastLine,
        String actualRaw, BigDecimal actualUsd, String actualCurrency, BigDecimal actualAmount,
        String actualValueDate, String actualDocumentId, Integer actualFirstLine, Integer actualLastLine,
        String expensesRaw, BigDecimal expensesUsd, String expensesCurrency, BigDecimal expensesAmount,
        String expensesValueDate, String expensesDocumentId, Integer expensesFirstLine, Integer expensesLastLine,
        String statedShortfallRaw, BigDecimal statedShortfallUsd, String statedShortfallCurrency,
        BigDecimal statedShortfallAmount, String statedShortfallValueDate, String statedShortfallDocumentId,
        Integer statedShortfallFirstLine, Integer statedShortfallLastLine,
        String coreRaw, BigDecimal coreUsd, String coreCurrency, BigDecimal coreAmount,
        String coreValueDate, String coreDocumentId, Integer coreFirstLine, Integer coreLastLine,
        String nonCoreRaw, BigDecimal nonCoreUsd, String nonCoreCurrency, BigDecimal nonCoreAmount,
        String nonCoreValueDate, String nonCoreDocumentId, Integer nonCoreFirstLine, Integer nonCoreLastLine,
        int flows, int conflicts) {
}
