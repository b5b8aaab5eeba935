package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/**
 * Progress toward the end-of-plan target, one row per result of an indicator (per year and sequence) that shows
 * a value; a placeholder or "nothing here" token is no result.
 *
 * <p>With baseline B (its year b), target T (its year t) and result R of year y, all of one measure (see
 * {@link IndicatorPlan}):
 * <ul>
 * <li>progress = (R − B) ÷ (T − B), capped to [0, 1]: a result behind the baseline is 0, one past the target 1.
 * The formula holds in either direction: for a decreasing indicator it is (B − R) ÷ (B − T);</li>
 * <li>expected progress = (y − b) ÷ (t − b), capped to [0, 1]: where a straight line from the baseline year to the
 * target year is in year y;</li>
 * <li>pace = progress ÷ expected progress (from the unrounded fractions), and the status {@code ON_TRACK} when
 * pace ≥ on-track, {@code AT_RISK} when pace ≥ at-risk, else {@code OFF_TRACK};</li>
 * <li>defined cases: y ≤ b → {@code ON_TRACK}, reason {@code NOTHING_EXPECTED_YET}, no pace; T = B →
 * {@code ON_TRACK} when R is at T or beyond it in the indicator's direction, else {@code OFF_TRACK}, reason
 * {@code TARGET_AT_BASELINE}, no progress fraction; no baseline, no target, an undated baseline, a target year
 * not after the baseline year, or a result of another measure → {@code NOT_ASSESSABLE} with the reason.</li>
 * </ul>
 */
public final class Progress {

    public static final int SCALE = 6;

    private final BigDecimal onTrack;
    private final BigDecimal atRisk;

    public Progress(ProgressThresholds thresholds) {
        this.onTrack = thresholds.onTrack();
        this.atRisk = thresholds.atRisk();
        if (atRisk.compareTo(onTrack) > 0) {
            throw new IllegalArgumentException("at-risk " + atRisk + " is above on-track " + onTrack);
        }
    }

    /** The rows of an indicator, in the direction its source declared (IATI's ascending) or else the inferred one. */
    public List<ProgressRow> rows(CatalogIndicator indicator) {
        return rows(indicator, Direction.declared(indicator.ascending()));
    }

    /** @param declared the direction the source declared; null to infer it */
    public List<ProgressRow> rows(CatalogIndicator indicator, Direction declared) {
        IndicatorPlan plan = IndicatorPlan.of(indicator, declared);
        String office = Offices.office(indicator.office(), indicator.outcomeId());
        List<CatalogObservation> results = indicator.observations() == null ? List.of()
                : indicator.observations().stream()
                        .filter(o -> o != null && o.kind() == ObservationKind.RESULT && o.year() != null
                                && o.value() != null && o.value().type() != null && o.value().type() != ValueType.MARKER)
                        .sorted(Comparator.comparing(CatalogObservation::year).thenComparing(CatalogObservation::sequence))
                        .toList();
        List<ProgressRow> rows = new ArrayList<>();
        for (CatalogObservation result : results) {
            Assessed a = assess(result, plan);
            ObservedValue b = plan.baseline() == null ? null : plan.baseline().value();
            ObservedValue t = plan.target() == null ? null : plan.target().value();
            rows.add(new ProgressRow(indicator.id(), result.year(), result.sequence(), indicator.code(),
                    indicator.statement(), indicator.outcomeId(), indicator.outputCode(), office, plan.direction(),
                    plan.rule(), b == null ? null : b.raw(), b == null ? null : b.number(),
                    plan.baseline() == null ? null : plan.baseline().year(), t == null ? null : t.raw(),
                    t == null ? null : t.number(), plan.target() == null ? null : plan.target().year(),
                    result.value().raw(), result.value().number(), a.progress, a.expected, a.pace, a.status, a.reason));
        }
        return rows;
    }

    private record Assessed(BigDecimal progress, BigDecimal expected, BigDecimal pace, ProgressStatus status,
            ProgressReason reason) {

        static Assessed not(ProgressReason reason) {
            return new Assessed(null, null, null, ProgressStatus.NOT_ASSESSABLE, reason);
        }
    }

    private Assessed assess(CatalogObservation result, IndicatorPlan plan) {
        if (plan.baseline() == null) {
            return Assessed.not(ProgressReason.NO_BASELINE);
        }
        if (plan.target() == null) {
            return Assessed.not(ProgressReason.NO_TARGET);
        }
        Integer baselineYear = plan.baseline().year();
        if (baselineYear == null) {
            return Assessed.not(ProgressReason.UNDATED_BASELINE);
        }
        int span = plan.target().year() - baselineYear;
        if (span <= 0) {
            return Assessed.not(ProgressReason.TARGET_YEAR_NOT_AFTER_BASELINE);
        }
        ValueType measure = plan.baseline().value().type();
        if (!IndicatorPlan.numeric(result.value()) || result.value().type() != measure) {
            return Assessed.not(ProgressReason.NON_NUMERIC);
        }
        BigDecimal b = plan.baseline().value().number();
        BigDecimal t = plan.target().value().number();
        BigDecimal r = result.value().number();
        BigDecimal elapsed = unit(BigDecimal.valueOf(result.year() - baselineYear), BigDecimal.valueOf(span));
        BigDecimal expected = elapsed.setScale(SCALE, RoundingMode.HALF_EVEN);
        BigDecimal way = t.subtract(b);
        if (way.signum() == 0) {
            boolean reached = plan.direction() == Direction.DECREASING ? r.compareTo(t) <= 0 : r.compareTo(t) >= 0;
            return new Assessed(null, expected, null, reached ? ProgressStatus.ON_TRACK : ProgressStatus.OFF_TRACK,
                    ProgressReason.TARGET_AT_BASELINE);
        }
        BigDecimal done = unit(r.subtract(b), way);
        BigDecimal progress = done.setScale(SCALE, RoundingMode.HALF_EVEN);
        if (elapsed.signum() == 0) {
            return new Assessed(progress, expected, null, ProgressStatus.ON_TRACK, ProgressReason.NOTHING_EXPECTED_YET);
        }
        BigDecimal pace = done.divide(elapsed, SCALE, RoundingMode.HALF_EVEN);
        ProgressStatus status = pace.compareTo(onTrack) >= 0 ? ProgressStatus.ON_TRACK
                : pace.compareTo(atRisk) >= 0 ? ProgressStatus.AT_RISK
                : ProgressStatus.OFF_TRACK;
        return new Assessed(progress, expected, pace, status, null);
    }

    /** part ÷ whole capped to [0, 1], kept to twenty places so that the pace is computed from unrounded fractions. */
    private static BigDecimal unit(BigDecimal part, BigDecimal whole) {
        BigDecimal fraction = part.divide(whole, 20, RoundingMode.HALF_EVEN);
        return fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    }
}
