package org.resultsflow.reporting.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/**
 * Milestone attainment of an indicator, one row per year and sequence: the result of the year against its
 * milestone, or against the target in the target year when no milestone is given.
 *
 * <p>Which years are rows: every year in which the indicator has a result, a milestone or a target that is
 * shown at all. A token that says "nothing here" ({@code -}, {@code --}, empty, {@code N/A}) counts as not
 * shown; a placeholder such as {@code TBD} counts as shown (it states that a value is still to come). A
 * baseline alone makes no row. An observation with no year (an undated baseline) belongs to no year: it is
 * not a row of its own and is compared with nothing.
 *
 * <p>Several values of one year and kind (a page listing four 2023 milestones) are distinct values, each with
 * its sequence; a year has a row per sequence any of its results, milestones or targets has. The row of
 * sequence n compares the result of sequence n with the milestone of sequence n of the same year; when the
 * year has only one result, that result (sequence 1) stands for every sequence, as pages list one result
 * against several milestones.
 *
 * <p>What a year's result is compared with: the milestone of the year; when the year has no milestone but a
 * target, the target (the target year). Then, in this order:
 * <ul>
 * <li>boolean result: {@code MET} when it equals the expected truth value, else {@code NOT_MET}; the expected
 * value is the milestone's when the milestone is a boolean, else true (also when no milestone is given); a
 * {@code TBD} milestone still makes the year {@code MILESTONE_TBD};</li>
 * <li>no milestone or target → {@code NO_MILESTONE}; a placeholder milestone → {@code MILESTONE_TBD};
 * no result → {@code NO_RESULT};</li>
 * <li>both NUMBER or both PERCENT: with M &gt; 0, ratio = R / M, {@code MET} when R ≥ met·M, {@code PARTIAL}
 * when R ≥ partial·M, else {@code NOT_MET}; with M = 0, {@code MET} when R ≥ 0 (no ratio); with M &lt; 0 (not
 * defined by §6) {@code MET} when R ≥ M, else {@code NOT_MET}, no ratio;</li>
 * <li>anything else (text, a number against a percent, a boolean milestone with a numeric result) →
 * {@code NON_NUMERIC}.</li>
 * </ul>
 *
 * <p>A {@link Direction#DECREASING decreasing} indicator (see {@link IndicatorPlan}) is scored the other way
 * round against its baseline B: ratio = (B − R) ÷ (B − M), with the same thresholds, so that with met = 1 a year
 * is {@code MET} exactly when R ≤ M. A milestone at the baseline (B = M) or above it has no such ratio: the year is
 * {@code MET} when R ≤ M, else {@code NOT_MET}, with reason {@code MILESTONE_AT_BASELINE} or
 * {@code MILESTONE_ABOVE_BASELINE}; a declared decreasing indicator with no baseline of the milestone's measure
 * likewise, with reason {@code NO_BASELINE}. Increasing and unknown directions are scored as above.
 */
public final class Attainment {

    /** Ratios are kept to six decimal places. */
    public static final int RATIO_SCALE = 6;

    private static final Set<String> NOTHING_SHOWN = Set.of("", "-", "--", "---", "–", "—", "n/a", "na", "n.a.");

    private final BigDecimal met;
    private final BigDecimal partial;

    public Attainment(AttainmentThresholds thresholds) {
        this.met = thresholds.metThreshold();
        this.partial = thresholds.partialThreshold();
        if (partial.compareTo(met) > 0) {
            throw new IllegalArgumentException("partial-threshold " + partial + " is above met-threshold " + met);
        }
    }

    /** The rows of an indicator, in the direction its source declared (IATI's ascending) or else the inferred one. */
    public List<AttainmentRow> rows(CatalogIndicator indicator) {
        return rows(indicator, Direction.declared(indicator.ascending()));
    }

    /** @param declared the direction the source declared; null to infer it from baseline, target and milestones */
    public List<AttainmentRow> rows(CatalogIndicator indicator, Direction declared) {
        IndicatorPlan plan = IndicatorPlan.of(indicator, declared);
        Map<Integer, Map<Integer, ObservedValue>> results = new TreeMap<>();
        Map<Integer, Map<Integer, ObservedValue>> milestones = new TreeMap<>();
        Map<Integer, Map<Integer, ObservedValue>> targets = new TreeMap<>();
        for (CatalogObservation observation : indicator.observations() == null ? List.<CatalogObservation>of()
                : indicator.observations()) {
            if (observation == null || observation.kind() == null || observation.year() == null
                    || !shown(observation.value())) {
                continue;
            }
            Map<Integer, Map<Integer, ObservedValue>> into = switch (observation.kind()) {
                case RESULT -> results;
                case MILESTONE -> milestones;
                case TARGET -> targets;
                case BASELINE -> null;
            };
            if (into != null) {
                into.computeIfAbsent(observation.year(), y -> new TreeMap<>())
                        .putIfAbsent(observation.sequence(), observation.value());
            }
        }
        Map<Integer, Set<Integer>> rowsByYear = new TreeMap<>();
        for (Map<Integer, Map<Integer, ObservedValue>> kind : List.of(results, milestones, targets)) {
            kind.forEach((year, bySequence) ->
                    rowsByYear.computeIfAbsent(year, y -> new TreeSet<>()).addAll(bySequence.keySet()));
        }

        String office = Offices.office(indicator.office(), indicator.outcomeId());
        List<AttainmentRow> rows = new ArrayList<>();
        rowsByYear.forEach((year, sequences) -> {
            Map<Integer, ObservedValue> yearResults = results.getOrDefault(year, Map.of());
            for (int sequence : sequences) {
                ObservedValue result = yearResults.size() == 1 ? yearResults.values().iterator().next()
                        : yearResults.get(sequence);
                ObservedValue expected = milestones.getOrDefault(year, Map.of()).get(sequence);
                ExpectedKind kind = expected != null ? ExpectedKind.MILESTONE : null;
                if (expected == null && !milestones.containsKey(year) && targets.containsKey(year)) {
                    expected = targets.get(year).get(sequence);
                    kind = expected != null ? ExpectedKind.TARGET : null;
                }
                Outcome outcome = assess(result, expected, plan);
                rows.add(new AttainmentRow(indicator.id(), year, sequence, indicator.code(), indicator.statement(),
                        indicator.outcomeId(), indicator.outputCode(), office,
                        raw(result), type(result), number(result),
                        kind, raw(expected), type(expected), number(expected),
                        outcome.ratio, outcome.status, outcome.reason, plan.direction(), plan.rule()));
            }
        });
        return rows;
    }

    private record Outcome(AttainmentStatus status, AttainmentReason reason, BigDecimal ratio) {
    }

    private Outcome assess(ObservedValue result, ObservedValue expected, IndicatorPlan plan) {
        if (result != null && result.type() == ValueType.BOOLEAN && result.flag() != null) {
            if (expected != null && expected.type() == ValueType.MARKER) {
                return notAssessable(AttainmentReason.MILESTONE_TBD);
            }
            boolean wanted = expected != null && expected.type() == ValueType.BOOLEAN && expected.flag() != null
                    ? expected.flag() : true;
            return new Outcome(result.flag() == wanted ? AttainmentStatus.MET : AttainmentStatus.NOT_MET, null, null);
        }
        if (expected == null) {
            return notAssessable(AttainmentReason.NO_MILESTONE);
        }
        if (expected.type() == ValueType.MARKER) {
            return notAssessable(AttainmentReason.MILESTONE_TBD);
        }
        if (result == null || result.type() == ValueType.MARKER) {
            return notAssessable(AttainmentReason.NO_RESULT);
        }
        boolean numeric = (result.type() == ValueType.NUMBER || result.type() == ValueType.PERCENT)
                && result.type() == expected.type() && result.number() != null && expected.number() != null;
        if (!numeric) {
            return notAssessable(AttainmentReason.NON_NUMERIC);
        }
        BigDecimal r = result.number();
        BigDecimal m = expected.number();
        if (plan.direction() == Direction.DECREASING) {
            return decreasing(r, m, plan.baselineOf(expected.type()));
        }
        int sign = m.signum();
        if (sign == 0) {
            return new Outcome(r.signum() >= 0 ? AttainmentStatus.MET : AttainmentStatus.NOT_MET, null, null);
        }
        if (sign < 0) {
            return new Outcome(r.compareTo(m) >= 0 ? AttainmentStatus.MET : AttainmentStatus.NOT_MET, null, null);
        }
        BigDecimal ratio = r.divide(m, RATIO_SCALE, RoundingMode.HALF_EVEN);
        AttainmentStatus status = r.compareTo(met.multiply(m)) >= 0 ? AttainmentStatus.MET
                : r.compareTo(partial.multiply(m)) >= 0 ? AttainmentStatus.PARTIAL
                : AttainmentStatus.NOT_MET;
        return new Outcome(status, null, ratio);
    }

    /** A decreasing indicator's year: how far the result came down from the baseline, against the milestone's way down. */
    private Outcome decreasing(BigDecimal r, BigDecimal m, ObservedValue baseline) {
        AttainmentStatus reached = r.compareTo(m) <= 0 ? AttainmentStatus.MET : AttainmentStatus.NOT_MET;
        if (baseline == null) {
            return new Outcome(reached, AttainmentReason.NO_BASELINE, null);
        }
        BigDecimal way = baseline.number().subtract(m);
        if (way.signum() <= 0) {
            return new Outcome(reached, way.signum() == 0 ? AttainmentReason.MILESTONE_AT_BASELINE
                    : AttainmentReason.MILESTONE_ABOVE_BASELINE, null);
        }
        BigDecimal ratio = baseline.number().subtract(r).divide(way, RATIO_SCALE, RoundingMode.HALF_EVEN);
        AttainmentStatus status = ratio.compareTo(met) >= 0 ? AttainmentStatus.MET
                : ratio.compareTo(partial) >= 0 ? AttainmentStatus.PARTIAL
                : AttainmentStatus.NOT_MET;
        return new Outcome(status, null, ratio);
    }

    private static Outcome notAssessable(AttainmentReason reason) {
        return new Outcome(AttainmentStatus.NOT_ASSESSABLE, reason, null);
    }

    /** Whether a document showed anything for the value: a known value or a placeholder such as TBD. */
    static boolean shown(ObservedValue value) {
        if (value == null) {
            return false;
        }
        if (value.type() != null && value.type() != ValueType.MARKER) {
            return true;
        }
        String raw = value.raw() == null ? "" : value.raw().strip().toLowerCase(Locale.ROOT);
        return !NOTHING_SHOWN.contains(raw);
    }

    private static String raw(ObservedValue value) {
        return value == null ? null : value.raw();
    }

    private static String type(ObservedValue value) {
        return value == null || value.type() == null ? null : value.type().name();
    }

    private static BigDecimal number(ObservedValue value) {
        return value == null ? null : value.number();
    }
}
