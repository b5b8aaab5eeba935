package org.resultsflow.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resultsflow.reporting.ChangeFixtures.SOURCE;
import static org.resultsflow.reporting.ChangeFixtures.bool;
import static org.resultsflow.reporting.ChangeFixtures.marker;
import static org.resultsflow.reporting.ChangeFixtures.n;
import static org.resultsflow.reporting.ChangeFixtures.obs;
import static org.resultsflow.reporting.ChangeFixtures.pct;
import static org.resultsflow.reporting.ChangeFixtures.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/** The metric definitions (attainment, budget utilisation) case by case, without a broker or a database. */
class MetricsTest {

    static final Attainment DEFAULT = new Attainment(AttainmentThresholds.of(new BigDecimal("1.0"), new BigDecimal("0.5")));

    @Test
    void numericStatusesAndRatio() {
        assertRow(row(DEFAULT, n(6), n(2)), AttainmentStatus.MET, null, "3");
        assertRow(row(DEFAULT, n(2), n(2)), AttainmentStatus.MET, null, "1");
        assertRow(row(DEFAULT, n(59), n(100)), AttainmentStatus.PARTIAL, null, "0.59");
        assertRow(row(DEFAULT, n(50), n(100)), AttainmentStatus.PARTIAL, null, "0.5");
        assertRow(row(DEFAULT, n(49), n(100)), AttainmentStatus.NOT_MET, null, "0.49");
        assertRow(row(DEFAULT, n(0), n(50)), AttainmentStatus.NOT_MET, null, "0");
        assertRow(row(DEFAULT, pct("45%", 45), pct("40%", 40)), AttainmentStatus.MET, null, "1.125");
    }

    @Test
    void aMilestoneOfZeroIsMetByAnyResultAtOrAboveZeroWithoutARatio() {
        assertRow(row(DEFAULT, n(0), n(0)), AttainmentStatus.MET, null, null);
        assertRow(row(DEFAULT, n(3), n(0)), AttainmentStatus.MET, null, null);
    }

    @Test
    void thresholdsAreConfiguration() {
        Attainment strict = new Attainment(AttainmentThresholds.of(new BigDecimal("1.1"), new BigDecimal("0.8")));
        assertRow(row(strict, n(100), n(100)), AttainmentStatus.PARTIAL, null, "1");
        assertRow(row(strict, n(79), n(100)), AttainmentStatus.NOT_MET, null, "0.79");
        assertRow(row(strict, n(110), n(100)), AttainmentStatus.MET, null, "1.1");
    }

    @Test
    void booleans() {
        assertRow(row(DEFAULT, bool("Yes", true), bool("Yes", true)), AttainmentStatus.MET, null, null);
        assertRow(row(DEFAULT, bool("No", false), bool("Yes", true)), AttainmentStatus.NOT_MET, null, null);
        assertRow(row(DEFAULT, bool("No", false), bool("No", false)), AttainmentStatus.MET, null, null);
        // No milestone: the expected value is true.
        assertRow(row(DEFAULT, bool("TRUE", true), null), AttainmentStatus.MET, null, null);
        assertRow(row(DEFAULT, bool("TRUE", true), marker("TBD")), AttainmentStatus.NOT_ASSESSABLE,
                AttainmentReason.MILESTONE_TBD, null);
    }

    @Test
    void notAssessable() {
        assertRow(row(DEFAULT, n(1), null), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NO_MILESTONE, null);
        assertRow(row(DEFAULT, n(1), marker("-")), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NO_MILESTONE, null);
        assertRow(row(DEFAULT, n(0), marker("TBD")), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.MILESTONE_TBD, null);
        assertRow(row(DEFAULT, marker("-"), n(4)), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NO_RESULT, null);
        assertRow(row(DEFAULT, null, n(4)), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NO_RESULT, null);
        assertRow(row(DEFAULT, n(40), pct("40%", 40)), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NON_NUMERIC, null);
        assertRow(row(DEFAULT, n(1), bool("Yes", true)), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NON_NUMERIC, null);
    }

    @Test
    void yearsThatAreRowsAndTheTargetInItsYear() {
        List<CatalogObservation> observations = List.of(
                obs(2019, ObservationKind.BASELINE, n(0)),
                obs(2020, ObservationKind.MILESTONE, marker("-")), obs(2020, ObservationKind.RESULT, marker("-")),
                obs(2021, ObservationKind.MILESTONE, n(2)), obs(2021, ObservationKind.RESULT, marker("N/A")),
                obs(2022, ObservationKind.RESULT, n(5)),
                obs(2025, ObservationKind.TARGET, n(6)), obs(2025, ObservationKind.RESULT, n(7)));
        List<AttainmentRow> rows = DEFAULT.rows(indicator(observations));
        assertEquals(List.of(2021, 2022, 2025), rows.stream().map(AttainmentRow::year).toList());
        assertEquals(AttainmentReason.NO_RESULT, rows.get(0).reason());
        assertEquals(AttainmentReason.NO_MILESTONE, rows.get(1).reason());
        assertEquals(ExpectedKind.TARGET, rows.get(2).expectedKind());
        assertEquals(AttainmentStatus.MET, rows.get(2).status());
        assertEquals("MEX", rows.get(0).office());
    }

    @Test
    void anUndatedObservationAndTextValuesDoNotBreakAttainment() {
        List<AttainmentRow> rows = DEFAULT.rows(indicator(List.of(
                obs(null, ObservationKind.BASELINE, n(3)),
                obs(null, ObservationKind.RESULT, n(9)),
                obs(2022, ObservationKind.MILESTONE, n(4)), obs(2022, ObservationKind.RESULT, text("3 (new)")),
                obs(2023, ObservationKind.MILESTONE, text("12 (cumulative)")), obs(2023, ObservationKind.RESULT, n(12)))));
        assertEquals(List.of(2022, 2023), rows.stream().map(AttainmentRow::year).toList(),
                "an observation with no year is no row");
        assertRow(rows.get(0), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NON_NUMERIC, null);
        assertEquals("3 (new)", rows.get(0).resultRaw());
        assertEquals("TEXT", rows.get(0).resultType());
        assertRow(rows.get(1), AttainmentStatus.NOT_ASSESSABLE, AttainmentReason.NON_NUMERIC, null);
        assertRow(row(DEFAULT, text("Yes, in part"), text("A sentence")), AttainmentStatus.NOT_ASSESSABLE,
                AttainmentReason.NON_NUMERIC, null);
    }

    @Test
    void severalMilestonesOfOneYearGiveOneRowPerSequence() {
        // Four 2023 milestones and one result: the single result is compared with each.
        List<AttainmentRow> one = DEFAULT.rows(indicator(List.of(
                obs(2023, ObservationKind.MILESTONE, 1, n(4)), obs(2023, ObservationKind.MILESTONE, 2, n(5)),
                obs(2023, ObservationKind.MILESTONE, 3, n(6)), obs(2023, ObservationKind.MILESTONE, 4, n(10)),
                obs(2023, ObservationKind.RESULT, 1, n(5)))));
        assertEquals(List.of(1, 2, 3, 4), one.stream().map(AttainmentRow::sequence).toList());
        assertEquals(List.of("4", "5", "6", "10"), one.stream().map(AttainmentRow::expectedRaw).toList());
        assertEquals(List.of(AttainmentStatus.MET, AttainmentStatus.MET, AttainmentStatus.PARTIAL, AttainmentStatus.PARTIAL),
                one.stream().map(AttainmentRow::status).toList());
        assertTrue(one.stream().allMatch(r -> "5".equals(r.resultRaw())));

        // As many results as milestones: sequence n against sequence n.
        List<AttainmentRow> paired = DEFAULT.rows(indicator(List.of(
                obs(2023, ObservationKind.MILESTONE, 1, n(4)), obs(2023, ObservationKind.MILESTONE, 2, n(10)),
                obs(2023, ObservationKind.RESULT, 1, n(4)), obs(2023, ObservationKind.RESULT, 2, n(1)),
                obs(2024, ObservationKind.MILESTONE, 1, n(2)))));
        assertEquals(List.of("2023/1", "2023/2", "2024/1"), paired.stream().map(r -> r.year() + "/" + r.sequence()).toList());
        assertEquals(java.util.Arrays.asList("4", "1", null), paired.stream().map(AttainmentRow::resultRaw).toList());
        assertEquals(List.of(AttainmentStatus.MET, AttainmentStatus.NOT_MET, AttainmentStatus.NOT_ASSESSABLE),
                paired.stream().map(AttainmentRow::status).toList());

        // Two results, one milestone: the second has nothing expected of it.
        List<AttainmentRow> moreResults = DEFAULT.rows(indicator(List.of(
                obs(2022, ObservationKind.MILESTONE, 1, n(4)),
                obs(2022, ObservationKind.RESULT, 1, n(4)), obs(2022, ObservationKind.RESULT, 2, n(7)))));
        assertEquals(AttainmentStatus.MET, moreResults.get(0).status());
        assertEquals(AttainmentReason.NO_MILESTONE, moreResults.get(1).reason());
    }

    @Test
    void shownRoundingFromTheRawString() {
        assertEquals(new BigDecimal("5000"), ShownRounding.halfUnit("$2.27 M", null));
        assertEquals(new BigDecimal("5"), ShownRounding.halfUnit("$804.98 K", null));
        assertEquals(new BigDecimal("0.5"), ShownRounding.halfUnit("$267,469", null));
        assertEquals(new BigDecimal("50000"), ShownRounding.halfUnit("$1.1 M", null));
        assertEquals(new BigDecimal("500000"), ShownRounding.halfUnit("$3 M", null));
        assertEquals(new BigDecimal("0.5"), ShownRounding.halfUnit("unreadable", new BigDecimal("12")));
    }

    @Test
    void budgetUtilisationAndItsFlags() {
        BudgetRow consistent = BudgetUtilisation.row("b", budget("$3.07 M", "$804.98 K", "$772.24 K", "$2.27 M"));
        assertFalse(consistent.shortfallMismatch());
        assertEquals(new BigDecimal("10005"), consistent.shortfallTolerance().stripTrailingZeros());
        BudgetRow mismatch = BudgetUtilisation.row("b", budget("$3.07 M", "$804.98 K", "$772.24 K", "$2.28 M"));
        assertTrue(mismatch.shortfallMismatch()); // 2,280,000 − 2,265,020 = 14,980 > 10,005
        BudgetRow overSpent = BudgetUtilisation.row("b", budget("$550.73 K", "$480.75 K", "$600.36 K", null));
        assertTrue(overSpent.overSpend());
        assertNull(overSpent.shortfallMismatch());
        assertEquals(new BigDecimal("1.248799"), overSpent.deliveryRate());
        BudgetRow noActual = BudgetUtilisation.row("b", budget("$1 M", null, null, null));
        assertNull(noActual.fundingRate());
        assertNull(noActual.computedShortfall());
    }

    /**
     * Utilisation = expenses ÷ planned in the currency they are stated in, never converted. The annotated IATI
     * example's 2014 budget (EUR 3000, value date 2014-01-01) has no expenditure transaction; a constructed activity
     * (budget-years.xml) budgets EUR 1,200 for July 2014 – June 2015, which counts to 2014, and spends EUR 300 in
     * September 2014: 300 ÷ 1,200 = 0.25. A budget in USD against expenditure in EUR has no rate.
     */
    @Test
    void utilisationInTheCurrencyOfTheBudgetAndTheExpenditure() {
        BudgetRow annotated = BudgetUtilisation.row("AA-AAA-123456789-ABC123/2014", iati(
                Money.in("3000", "EUR", new BigDecimal("3000"), java.time.LocalDate.of(2014, 1, 1)), null));
        assertNull(annotated.planned(), "EUR is no US-dollar figure");
        assertEquals("3000", annotated.plannedShown());
        assertEquals(new BigDecimal("3000"), annotated.plannedAmount());
        assertEquals("EUR", annotated.plannedCurrency());
        assertNull(annotated.utilisationRate());
        assertEquals("NO_EXPENDITURE", annotated.utilisationReason());
        assertEquals("AA-AAA-123456789", annotated.office());

        BudgetRow sameCurrency = BudgetUtilisation.row("b", iati(eur("1200"), eur("300")));
        assertEquals(new BigDecimal("0.250000"), sameCurrency.utilisationRate());
        assertNull(sameCurrency.utilisationReason());
        assertEquals("EUR", sameCurrency.expensesCurrency());
        assertNull(sameCurrency.fundingRate());
        assertNull(sameCurrency.deliveryRate());

        BudgetRow differ = BudgetUtilisation.row("b", iati(Money.in("500", "USD", new BigDecimal("500"), null), eur("50")));
        assertNull(differ.utilisationRate());
        assertEquals("CURRENCIES_DIFFER", differ.utilisationReason());
        assertEquals(new BigDecimal("500"), differ.planned(), "a USD amount is a US-dollar figure too");
        assertEquals(new BigDecimal("50"), differ.expensesAmount());
        assertNull(differ.expenses());

        BudgetRow text = BudgetUtilisation.row("b", iati(new Money("about 3000", null, "EUR", null, null), eur("300")));
        assertEquals("NON_NUMERIC", text.utilisationReason());
        assertNull(text.plannedAmount());
        assertEquals("about 3000", text.plannedShown());
        assertEquals("NO_BUDGET", BudgetUtilisation.row("b", iati(null, eur("300"))).utilisationReason());
        assertEquals("ZERO_BUDGET", BudgetUtilisation.row("b", iati(eur("0"), eur("300"))).utilisationReason());
    }

    @Test
    void thePortalsUsDollarFiguresAreUtilisedInUsDollars() {
        BudgetRow portal = BudgetUtilisation.row("b", budget("$3.07 M", "$804.98 K", "$772.24 K", "$2.27 M"));
        assertEquals(new BigDecimal("3070000"), portal.planned());
        assertEquals(new BigDecimal("3070000"), portal.plannedAmount());
        assertEquals("USD", portal.plannedCurrency());
        assertEquals("USD", portal.expensesCurrency());
        assertEquals(new BigDecimal("0.251544"), portal.utilisationRate()); // 772,240 ÷ 3,070,000
        assertEquals(new BigDecimal("0.262208"), portal.fundingRate());
    }

    // --- builders -------------------------------------------------------------------------------------------

    private static Money eur(String amount) {
        return Money.in(amount, "EUR", new BigDecimal(amount), null);
    }

    /** An IATI activity's budget record of one year as the catalog publishes it: planned and expenses, no actual. */
    private static CatalogBudget iati(Money planned, Money expenses) {
        String id = "AA-AAA-123456789-ABC123";
        return new CatalogBudget(id + "/2014", id, BudgetEntityType.OUTCOME, id, "AA-AAA-123456789", 2014,
                catalog(planned), null, catalog(expenses), null, null, null);
    }

    private static CatalogMoney catalog(Money money) {
        return money == null ? null : new CatalogMoney(money.raw(), money.usd(), SOURCE, money.currency(),
                money.amount(), money.valueDate());
    }

    private static void assertRow(AttainmentRow row, AttainmentStatus status, AttainmentReason reason, String ratio) {
        assertEquals(status, row.status(), () -> "status of " + row);
        assertEquals(reason, row.reason(), () -> "reason of " + row);
        if (ratio == null) {
            assertNull(row.ratio(), () -> "ratio of " + row);
        } else {
            assertEquals(0, new BigDecimal(ratio).compareTo(row.ratio()), () -> "ratio of " + row);
        }
    }

    private static AttainmentRow row(Attainment attainment, ObservedValue result, ObservedValue milestone) {
        List<CatalogObservation> observations = new ArrayList<>();
        if (result != null) {
            observations.add(obs(2021, ObservationKind.RESULT, result));
        }
        if (milestone != null) {
            observations.add(obs(2021, ObservationKind.MILESTONE, milestone));
        }
        List<AttainmentRow> rows = attainment.rows(indicator(observations));
        assertEquals(1, rows.size(), () -> "rows of " + observations);
        return rows.get(0);
    }

    static CatalogIndicator indicator(List<CatalogObservation> observations) {
        return new CatalogIndicator("MEX_D_1.1.1::X", "X", "Statement", "statement", "XM-DAC-41146-MEX_D_1.1",
                "MEX_D_1.1.1", "MEX_D_1.1.1", null, List.of(), List.of(), java.util.Map.of(), observations);
    }

    private static CatalogBudget budget(String planned, String actual, String expenses, String shortfall) {
        return new CatalogBudget("b", "MEX_D_1.1.1", BudgetEntityType.OUTPUT, "XM-DAC-41146-MEX_D_1.1", "MEX", 2022,
                money(planned), money(actual), money(expenses), money(shortfall), null, null);
    }

    private static CatalogMoney money(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[^0-9.]", "");
        BigDecimal value = new BigDecimal(digits);
        if (raw.endsWith("M")) {
            value = value.movePointRight(6);
        } else if (raw.endsWith("K")) {
            value = value.movePointRight(3);
        }
        return new CatalogMoney(raw, value, SOURCE);
    }
}
