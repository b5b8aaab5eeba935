package org.resultsflow.reporting.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.resultsflow.contracts.results.ObservationKind.BASELINE;
import static org.resultsflow.contracts.results.ObservationKind.MILESTONE;
import static org.resultsflow.contracts.results.ObservationKind.RESULT;
import static org.resultsflow.contracts.results.ObservationKind.TARGET;
import static org.resultsflow.reporting.ChangeFixtures.marker;
import static org.resultsflow.reporting.ChangeFixtures.n;
import static org.resultsflow.reporting.ChangeFixtures.obs;
import static org.resultsflow.reporting.ChangeFixtures.pct;
import static org.resultsflow.reporting.metrics.MetricsTest.DEFAULT;
import static org.resultsflow.reporting.metrics.MetricsTest.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.reporting.SeedCatalog;

/**
 * Direction-aware attainment and progress toward target, every figure computed by hand in the comments: on
 * constructed indicators for each rule, and on the Mexico samples.
 */
class DirectionAndProgressTest {

    static final Progress PROGRESS = new Progress(ProgressThresholds.of(new BigDecimal("0.8"), new BigDecimal("0.6")));

    // --- a decreasing indicator ------------------------------------------------------------------------------

    @Test
    void aDecreasingIndicatorIsScoredFromItsBaselineDownwards() {
        // B 40 (2019), milestones 30 (2021), 20 (2023), 15 (2024), target 10 (2025): target below baseline.
        CatalogIndicator down = indicator(List.of(obs(2019, BASELINE, n(40)), obs(2021, MILESTONE, n(30)),
                obs(2023, MILESTONE, n(20)), obs(2024, MILESTONE, n(15)), obs(2025, TARGET, n(10)),
                obs(2021, RESULT, n(28)), obs(2023, RESULT, n(26)), obs(2024, RESULT, n(45))));
        Map<Integer, AttainmentRow> attainment = byYear(DEFAULT.rows(down), AttainmentRow::year);
        assertEquals(Direction.DECREASING, attainment.get(2021).direction());
        assertEquals(DirectionRule.TARGET, attainment.get(2021).directionRule());
        assertAttainment(attainment.get(2021), AttainmentStatus.MET, null, "1.2");      // (40 − 28) ÷ (40 − 30)
        assertAttainment(attainment.get(2023), AttainmentStatus.PARTIAL, null, "0.7");  // (40 − 26) ÷ (40 − 20)
        assertAttainment(attainment.get(2024), AttainmentStatus.NOT_MET, null, "-0.2"); // (40 − 45) ÷ (40 − 15)

        Map<Integer, ProgressRow> progress = byYear(PROGRESS.rows(down), ProgressRow::year);
        // 2021: (28 − 40) ÷ (10 − 40) = 0.4; expected (2021 − 2019) ÷ (2025 − 2019) = 1/3; pace 1.2
        assertProgress(progress.get(2021), "0.4", "0.333333", "1.2", ProgressStatus.ON_TRACK, null);
        // 2023: 14/30 = 0.466667; expected 4/6 = 0.666667; pace 0.7
        assertProgress(progress.get(2023), "0.466667", "0.666667", "0.7", ProgressStatus.AT_RISK, null);
        // 2024: (45 − 40) ÷ (−30) < 0 → 0; expected 5/6
        assertProgress(progress.get(2024), "0", "0.833333", "0", ProgressStatus.OFF_TRACK, null);
        assertEquals(Direction.DECREASING, progress.get(2021).direction());
    }

    @Test
    void aMilestoneAtOrAboveTheBaselineOfADecreasingIndicatorHasItsOwnReason() {
        CatalogIndicator held = indicator(List.of(obs(2019, BASELINE, n(40)), obs(2025, TARGET, n(10)),
                obs(2020, MILESTONE, n(40)), obs(2020, RESULT, n(40)),
                obs(2021, MILESTONE, n(40)), obs(2021, RESULT, n(41)),
                obs(2022, MILESTONE, n(45)), obs(2022, RESULT, n(44))));
        Map<Integer, AttainmentRow> rows = byYear(DEFAULT.rows(held), AttainmentRow::year);
        assertAttainment(rows.get(2020), AttainmentStatus.MET, AttainmentReason.MILESTONE_AT_BASELINE, null);
        assertAttainment(rows.get(2021), AttainmentStatus.NOT_MET, AttainmentReason.MILESTONE_AT_BASELINE, null);
        assertAttainment(rows.get(2022), AttainmentStatus.MET, AttainmentReason.MILESTONE_ABOVE_BASELINE, null);
    }

    @Test
    void theLastMilestoneDecidesWhenNoTargetHasAValue() {
        // B 10, milestones 8 (2021) and 6 (2023), target TBD: the last milestone is below the baseline.
        CatalogIndicator down = indicator(List.of(obs(2019, BASELINE, n(10)), obs(2021, MILESTONE, n(8)),
                obs(2023, MILESTONE, n(6)), obs(2025, TARGET, marker("TBD")), obs(2021, RESULT, n(8))));
        AttainmentRow row = byYear(DEFAULT.rows(down), AttainmentRow::year).get(2021);
        assertEquals(Direction.DECREASING, row.direction());
        assertEquals(DirectionRule.LAST_MILESTONE, row.directionRule());
        assertAttainment(row, AttainmentStatus.MET, null, "1"); // (10 − 8) ÷ (10 − 8)
        assertProgress(PROGRESS.rows(down).get(0), null, null, null, ProgressStatus.NOT_ASSESSABLE, ProgressReason.NO_TARGET);
    }

    @Test
    void aDeclaredDirectionWinsOverTheInferredOne() {
        // Inferred: increasing (target 10 above baseline 0). Declared decreasing: the milestone 5 is above the baseline.
        CatalogIndicator indicator = indicator(List.of(obs(2019, BASELINE, n(0)), obs(2025, TARGET, n(10)),
                obs(2021, MILESTONE, n(5)), obs(2021, RESULT, n(3))));
        assertEquals(Direction.INCREASING, DEFAULT.rows(indicator).get(0).direction());
        AttainmentRow declared = DEFAULT.rows(indicator, Direction.DECREASING).get(0);
        assertEquals(DirectionRule.DECLARED, declared.directionRule());
        assertAttainment(declared, AttainmentStatus.MET, AttainmentReason.MILESTONE_ABOVE_BASELINE, null);
        // Declared decreasing with no baseline at all: MET when R ≤ M, no ratio.
        CatalogIndicator noBaseline = indicator(List.of(obs(2021, MILESTONE, n(5)), obs(2021, RESULT, n(6))));
        assertAttainment(DEFAULT.rows(noBaseline, Direction.DECREASING).get(0), AttainmentStatus.NOT_MET,
                AttainmentReason.NO_BASELINE, null);
        // The indicator's own declaration (IATI's ascending="0") is the declared direction of its rows.
        CatalogIndicator descending = new CatalogIndicator(indicator.id(), indicator.code(), indicator.statement(),
                indicator.normalisedStatement(), indicator.outcomeId(), indicator.outputCode(), indicator.parentId(),
                indicator.office(), indicator.tags(), indicator.aliases(), indicator.provenance(),
                indicator.observations(), "UNIT", false);
        assertEquals(DirectionRule.DECLARED, DEFAULT.rows(descending).get(0).directionRule());
        assertEquals(Direction.DECREASING, DEFAULT.rows(descending).get(0).direction());
        assertEquals(Direction.DECREASING, PROGRESS.rows(descending).get(0).direction());
    }

    // --- baseline = target -------------------------------------------------------------------------------------

    @Test
    void aTargetAtTheBaselineIsHoldingTheLevelNeverADivisionByZero() {
        CatalogIndicator level = indicator(List.of(obs(2020, BASELINE, n(5)), obs(2025, TARGET, n(5)),
                obs(2022, MILESTONE, n(5)), obs(2022, RESULT, n(5)), obs(2023, RESULT, n(4))));
        AttainmentRow attainment = byYear(DEFAULT.rows(level), AttainmentRow::year).get(2022);
        assertEquals(Direction.UNKNOWN, attainment.direction());
        assertEquals(DirectionRule.TARGET, attainment.directionRule());
        assertAttainment(attainment, AttainmentStatus.MET, null, "1"); // unknown direction: 5 ÷ 5
        Map<Integer, ProgressRow> progress = byYear(PROGRESS.rows(level), ProgressRow::year);
        // expected (2022 − 2020) ÷ 5 = 0.4; 5 reached 5
        assertProgress(progress.get(2022), null, "0.4", null, ProgressStatus.ON_TRACK, ProgressReason.TARGET_AT_BASELINE);
        assertProgress(progress.get(2023), null, "0.6", null, ProgressStatus.OFF_TRACK, ProgressReason.TARGET_AT_BASELINE);
        // Declared decreasing: 4 ≤ 5 holds the level.
        ProgressRow declared = byYear(PROGRESS.rows(level, Direction.DECREASING), ProgressRow::year).get(2023);
        assertEquals(ProgressStatus.ON_TRACK, declared.status());
    }

    // --- no baseline --------------------------------------------------------------------------------------------

    @Test
    void withoutABaselineThereIsNoDirectionAndNoProgress() {
        CatalogIndicator none = indicator(List.of(obs(2021, MILESTONE, n(10)), obs(2025, TARGET, n(20)),
                obs(2021, RESULT, n(12))));
        AttainmentRow row = DEFAULT.rows(none).get(0);
        assertEquals(Direction.UNKNOWN, row.direction());
        assertEquals(DirectionRule.NONE, row.directionRule());
        assertAttainment(row, AttainmentStatus.MET, null, "1.2"); // as before: 12 ÷ 10
        assertProgress(PROGRESS.rows(none).get(0), null, null, null, ProgressStatus.NOT_ASSESSABLE, ProgressReason.NO_BASELINE);

        CatalogIndicator undated = indicator(List.of(obs(null, BASELINE, n(3)), obs(2025, TARGET, n(20)),
                obs(2021, RESULT, n(12))));
        assertProgress(PROGRESS.rows(undated).get(0), null, null, null, ProgressStatus.NOT_ASSESSABLE,
                ProgressReason.UNDATED_BASELINE);
        assertEquals(Direction.INCREASING, PROGRESS.rows(undated).get(0).direction());

        CatalogIndicator sameYear = indicator(List.of(obs(2025, BASELINE, n(0)), obs(2025, TARGET, n(3)),
                obs(2025, RESULT, n(1))));
        assertProgress(PROGRESS.rows(sameYear).get(0), null, null, null, ProgressStatus.NOT_ASSESSABLE,
                ProgressReason.TARGET_YEAR_NOT_AFTER_BASELINE);
    }

    // --- a percent measure --------------------------------------------------------------------------------------

    @Test
    void aPercentMeasureComparesOnlyWithPercents() {
        // B 40% (2020), milestone 30% (2022), target 20% (2024): decreasing.
        CatalogIndicator share = indicator(List.of(obs(2020, BASELINE, pct("40%", 40)), obs(2022, MILESTONE, pct("30%", 30)),
                obs(2024, TARGET, pct("20%", 20)), obs(2022, RESULT, pct("33%", 33)), obs(2023, RESULT, n(25))));
        AttainmentRow row = byYear(DEFAULT.rows(share), AttainmentRow::year).get(2022);
        assertEquals(Direction.DECREASING, row.direction());
        assertAttainment(row, AttainmentStatus.PARTIAL, null, "0.7"); // (40 − 33) ÷ (40 − 30)
        Map<Integer, ProgressRow> progress = byYear(PROGRESS.rows(share), ProgressRow::year);
        // (33 − 40) ÷ (20 − 40) = 0.35; expected (2022 − 2020) ÷ (2024 − 2020) = 0.5; pace 0.7
        assertProgress(progress.get(2022), "0.35", "0.5", "0.7", ProgressStatus.AT_RISK, null);
        assertProgress(progress.get(2023), null, null, null, ProgressStatus.NOT_ASSESSABLE, ProgressReason.NON_NUMERIC);
    }

    @Test
    void nothingIsExpectedInTheBaselineYearAndThresholdsAreConfiguration() {
        CatalogIndicator early = indicator(List.of(obs(2021, BASELINE, n(0)), obs(2025, TARGET, n(8)),
                obs(2021, RESULT, n(1)), obs(2023, RESULT, n(4))));
        Map<Integer, ProgressRow> rows = byYear(PROGRESS.rows(early), ProgressRow::year);
        assertProgress(rows.get(2021), "0.125", "0", null, ProgressStatus.ON_TRACK, ProgressReason.NOTHING_EXPECTED_YET);
        // 2023: 4/8 = 0.5 against 2/4 = 0.5: pace 1
        assertProgress(rows.get(2023), "0.5", "0.5", "1", ProgressStatus.ON_TRACK, null);
        Progress strict = new Progress(ProgressThresholds.of(new BigDecimal("1.1"), new BigDecimal("0.9")));
        assertEquals(ProgressStatus.AT_RISK, byYear(strict.rows(early), ProgressRow::year).get(2023).status());
    }

    // --- the samples ----------------------------------------------------------------------------------------------

    @Test
    void theSamplesByHand() {
        Map<String, CatalogIndicator> seeds = new SeedCatalog("MEX").events().stream()
                .filter(e -> e.type().equals(EventTypes.CATALOG_INDICATOR)).map(DirectionAndProgressTest::seed)
                .filter(i -> i != null).collect(Collectors.toMap(CatalogIndicator::id, Function.identity()));

        // MEX_D_2.1.2A (001 lines 999-1034): baseline 0 in 2018, target 320 in 2025; results 0 (2020), 59 (2021).
        CatalogIndicator a212 = seeds.get("MEX_D_2.1.2::MEX_D_2.1.2A");
        Map<Integer, ProgressRow> p212 = byYear(PROGRESS.rows(a212), ProgressRow::year);
        assertEquals(Direction.INCREASING, p212.get(2021).direction());
        assertEquals(DirectionRule.TARGET, p212.get(2021).directionRule());
        // 2021: progress 59 ÷ 320 = 0.184375; expected 3 ÷ 7 = 0.428571; pace 0.184375 × 7/3 = 0.430208 < 0.6
        assertProgress(p212.get(2021), "0.184375", "0.428571", "0.430208", ProgressStatus.OFF_TRACK, null);
        // 2020: progress 0; expected 2 ÷ 7 = 0.285714; pace 0
        assertProgress(p212.get(2020), "0", "0.285714", "0", ProgressStatus.OFF_TRACK, null);

        // MEX_D_2.1.3A: baseline 2 in 2013, target 6 in 2025; results 3, 6 (001), 3, 0 (004, later as-of).
        Map<Integer, ProgressRow> p213 = byYear(PROGRESS.rows(seeds.get("MEX_D_2.1.3::MEX_D_2.1.3A")), ProgressRow::year);
        assertProgress(p213.get(2020), "0.25", "0.583333", "0.428571", ProgressStatus.OFF_TRACK, null); // 1/4 ÷ 7/12
        assertProgress(p213.get(2021), "1", "0.666667", "1.5", ProgressStatus.ON_TRACK, null);          // 4/4 ÷ 8/12
        assertProgress(p213.get(2022), "0.25", "0.75", "0.333333", ProgressStatus.OFF_TRACK, null);     // 1/4 ÷ 9/12
        assertProgress(p213.get(2023), "0", "0.833333", "0", ProgressStatus.OFF_TRACK, null);           // −2/4 → 0

        // SP_D_0.4.a under MEX_D_2.1.3: baseline 4 (2022) = target 4 (2025); results 4 (2022), 11 (2023).
        CatalogIndicator level = seeds.get("MEX_D_2.1.3::SP_D_0.4.a");
        Map<Integer, ProgressRow> pLevel = byYear(PROGRESS.rows(level), ProgressRow::year);
        assertEquals(Direction.UNKNOWN, pLevel.get(2022).direction());
        assertProgress(pLevel.get(2022), null, "0", null, ProgressStatus.ON_TRACK, ProgressReason.TARGET_AT_BASELINE);
        assertProgress(pLevel.get(2023), null, "0.333333", null, ProgressStatus.ON_TRACK, ProgressReason.TARGET_AT_BASELINE);

        // MEX_D_2.1.1A: target "-", last milestone 5 (2024) above baseline 0.
        AttainmentRow a211 = DEFAULT.rows(seeds.get("MEX_D_2.1.1::MEX_D_2.1.1A")).get(0);
        assertEquals(Direction.INCREASING, a211.direction());
        assertEquals(DirectionRule.LAST_MILESTONE, a211.directionRule());
        assertEquals(ProgressReason.NO_TARGET, PROGRESS.rows(seeds.get("MEX_D_2.1.1::MEX_D_2.1.1A")).get(0).reason());

        // MEX_D_2.1.2B: every milestone and the target TBD: nothing to compare the baseline with.
        CatalogIndicator b212 = seeds.get("MEX_D_2.1.2::MEX_D_2.1.2B");
        assertEquals(DirectionRule.NONE, DEFAULT.rows(b212).get(0).directionRule());
        assertEquals(ProgressReason.NO_TARGET, PROGRESS.rows(b212).get(0).reason());
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static CatalogIndicator seed(SeedCatalog.Event event) {
        try {
            return SeedCatalog.JSON.readValue(event.json(), IndicatorChanged.class).indicator();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first row of each year (the constructed indicators have one per year). */
    private static <R> Map<Integer, R> byYear(List<R> rows, Function<R, Integer> year) {
        return rows.stream().collect(Collectors.toMap(year, Function.identity(), (a, b) -> a));
    }

    private static void assertAttainment(AttainmentRow row, AttainmentStatus status, AttainmentReason reason, String ratio) {
        assertEquals(status, row.status(), () -> "status of " + row);
        assertEquals(reason, row.reason(), () -> "reason of " + row);
        assertDecimal(ratio, row.ratio(), "ratio of " + row);
    }

    private static void assertProgress(ProgressRow row, String progress, String expected, String pace,
            ProgressStatus status, ProgressReason reason) {
        assertEquals(status, row.status(), () -> "status of " + row);
        assertEquals(reason, row.reason(), () -> "reason of " + row);
        assertDecimal(progress, row.progress(), "progress of " + row);
        assertDecimal(expected, row.expectedProgress(), "expected progress of " + row);
        assertDecimal(pace, row.pace(), "pace of " + row);
    }

    private static void assertDecimal(String expected, BigDecimal actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> what + ": " + actual);
        }
    }
}
