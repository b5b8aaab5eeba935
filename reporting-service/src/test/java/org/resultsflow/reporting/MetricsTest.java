package org.resultsflow.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.reporting.metrics.Attainment;
import org.resultsflow.reporting.metrics.AttainmentReason;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.AttainmentThresholds;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.BudgetUtilisation;
import org.resultsflow.reporting.metrics.ExpectedKind;
import org.resultsflow.reporting.metrics.ShownRounding;

/** DESIGN §6 case by case, without a broker or a database. */
class MetricsTest {

    /** Where test values come from: the catalog's contract gives every value its provenance. */
    static final Provenance SOURCE = new Provenance("0".repeat(63) + "2", "test.txt", LineRange.of(1),
            LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);

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

    // --- builders -------------------------------------------------------------------------------------------

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

    static CatalogObservation obs(Integer year, ObservationKind kind, ObservedValue value) {
        return obs(year, kind, 1, value);
    }

    static CatalogObservation obs(Integer year, ObservationKind kind, int sequence, ObservedValue value) {
        return new CatalogObservation(year, kind, sequence, false, value, SOURCE, List.of());
    }

    static ObservedValue text(String raw) {
        return new ObservedValue(raw, ValueType.TEXT, null, null);
    }

    static ObservedValue n(int value) {
        return new ObservedValue(Integer.toString(value), ValueType.NUMBER, BigDecimal.valueOf(value), null);
    }

    static ObservedValue pct(String raw, double value) {
        return new ObservedValue(raw, ValueType.PERCENT, BigDecimal.valueOf(value), null);
    }

    static ObservedValue bool(String raw, boolean value) {
        return new ObservedValue(raw, ValueType.BOOLEAN, null, value);
    }

    static ObservedValue marker(String raw) {
        return new ObservedValue(raw, ValueType.MARKER, null, null);
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
