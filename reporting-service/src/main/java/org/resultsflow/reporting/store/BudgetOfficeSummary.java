package org.resultsflow.reporting.store;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An office's budgets of one reporting year, each counted once: the outcome-level budget of every outcome
 * that has one for the year, and for an outcome without one, its outputs' budgets in its place (never an outcome
 * and its outputs together). Rates are over the budgets that state both of their figures.
 *
 * @param outcomeBudgets outcome-level budgets summed
 * @param outputBudgets output budgets summed in place of their outcome's missing budget
 */
@Schema(name = "BudgetOfficeSummary")
public record BudgetOfficeSummary(String office, Integer reportingYear, long outcomeBudgets, long outputBudgets,
        BigDecimal planned, BigDecimal actual, BigDecimal expenses, BigDecimal shortfall, BigDecimal fundingRate,
        BigDecimal deliveryRate, long overSpends, long shortfallMismatches) {
}
