package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.stream.Stream;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.Provenance;

/**
 * Budget utilisation of one budget: funding rate = actual ÷ planned, delivery rate = expenses ÷
 * actual, shortfall = planned − actual; a stated shortfall is a mismatch when it lies further from planned −
 * actual than the rounding of the three shown figures explains (the sum of half a unit of the last shown digit
 * of each: {@code $2.27 M} vs {@code $3.07 M} − {@code $804.98 K} may differ by 5,000 + 5,000 + 5 USD);
 * over-spend when expenses &gt; actual. A rate is null when its divisor is unknown or zero. These are the portal's
 * figures, in US dollars.
 *
 * <p>Utilisation rate = expenses ÷ planned, each in the currency it is stated in (US dollars for the portal's
 * figures; an IATI budget's and expenditure's own currency): computed only when both are in one currency, never
 * converted; otherwise null with a {@link UtilisationReason}. An IATI record's year is its budget year, assigned
 * at ingest (a budget period ending January–June counts to the previous calendar year), so planned and expenses
 * of one record are the budgets and expenditure transactions of one year.
 */
public final class BudgetUtilisation {

    /** Rates are kept to six decimal places (26.2208 %). */
    public static final int RATE_SCALE = 6;

    private BudgetUtilisation() {
    }

    public static BudgetRow row(String budgetId, CatalogBudget budget) {
        BigDecimal planned = usd(budget.planned());
        BigDecimal actual = usd(budget.actual());
        BigDecimal expenses = usd(budget.expenses());
        BigDecimal stated = usd(budget.statedShortfall());
        BigDecimal computed = planned != null && actual != null ? planned.subtract(actual) : null;
        BigDecimal tolerance = null;
        Boolean mismatch = null;
        if (stated != null && computed != null) {
            tolerance = ShownRounding.halfUnit(raw(budget.statedShortfall()), stated)
                    .add(ShownRounding.halfUnit(raw(budget.planned()), planned))
                    .add(ShownRounding.halfUnit(raw(budget.actual()), actual));
            mismatch = stated.subtract(computed).abs().compareTo(tolerance) > 0;
        }
        boolean overSpend = expenses != null && actual != null && expenses.compareTo(actual) > 0;
        Provenance source = Stream.of(budget.planned(), budget.actual(), budget.expenses(), budget.statedShortfall())
                .filter(m -> m != null && m.provenance() != null).map(CatalogMoney::provenance).findFirst().orElse(null);
        StatedAmount budgeted = StatedAmount.of(budget.planned());
        StatedAmount spent = StatedAmount.of(budget.expenses());
        UtilisationReason reason = utilisationReason(budget.planned(), budgeted, budget.expenses(), spent);
        return new BudgetRow(budgetId, budget.entityId(),
                budget.entityType() == null ? null : budget.entityType().name(), budget.outcomeId(),
                Offices.office(budget.office(), budget.outcomeId()), budget.reportingYear(),
                planned, raw(budget.planned()), actual, raw(budget.actual()), expenses, raw(budget.expenses()),
                rate(actual, planned), rate(expenses, actual), computed, stated, raw(budget.statedShortfall()),
                tolerance, mismatch, overSpend,
                source == null ? null : source.documentId(), source == null ? null : source.documentName(),
                budgeted == null ? null : budgeted.value(), budgeted == null ? null : budgeted.currency(),
                spent == null ? null : spent.value(), spent == null ? null : spent.currency(),
                reason == null ? rate(spent.value(), budgeted.value()) : null, reason == null ? null : reason.name());
    }

    /** Null when expenses ÷ planned can be computed in one currency. */
    private static UtilisationReason utilisationReason(CatalogMoney planned, StatedAmount budgeted,
            CatalogMoney expenses, StatedAmount spent) {
        if (planned == null) {
            return UtilisationReason.NO_BUDGET;
        }
        if (expenses == null) {
            return UtilisationReason.NO_EXPENDITURE;
        }
        if (budgeted == null || spent == null) {
            return UtilisationReason.NON_NUMERIC;
        }
        if (!budgeted.currency().equals(spent.currency())) {
            return UtilisationReason.CURRENCIES_DIFFER;
        }
        return budgeted.value().signum() == 0 ? UtilisationReason.ZERO_BUDGET : null;
    }

    public static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.divide(whole, RATE_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal usd(CatalogMoney money) {
        return money == null ? null : money.usd();
    }

    private static String raw(CatalogMoney money) {
        return money == null ? null : money.raw();
    }
}
