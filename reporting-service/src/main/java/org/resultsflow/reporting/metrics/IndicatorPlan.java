package org.resultsflow.reporting.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ValueType;

/**
 * What an indicator set out to do: its baseline, its end-of-plan target and the direction it is meant to move
 * in. The one place where the direction is decided, for attainment and progress alike.
 *
 * <p>Baseline: the first baseline with a numeric value (NUMBER or PERCENT), dated ones first. Target: the
 * numeric target of the latest year (first of its year). Direction: a declared one when given; else the target
 * against the baseline; with no comparable target, the last numeric milestone (latest year, last of its year)
 * against the baseline. Only values of the baseline's measure compare (a number never with a percent).
 *
 * @param baseline the baseline observation used; null when none has a numeric value
 * @param target the target observation used; null when none has a numeric value
 */
public record IndicatorPlan(CatalogObservation baseline, CatalogObservation target, Direction direction,
        DirectionRule rule) {

    /** @param declared the direction the source declared (e.g. IATI {@code ascending}); null when it says none */
    public static IndicatorPlan of(CatalogIndicator indicator, Direction declared) {
        List<CatalogObservation> observations = indicator.observations() == null ? List.of()
                : indicator.observations().stream().filter(Objects::nonNull).filter(o -> numeric(o.value())).toList();
        CatalogObservation baseline = observations.stream().filter(o -> o.kind() == ObservationKind.BASELINE)
                .min(Comparator.comparing(CatalogObservation::year, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CatalogObservation::sequence))
                .orElse(null);
        ValueType measure = baseline == null ? null : baseline.value().type();
        CatalogObservation target = observations.stream()
                .filter(o -> o.kind() == ObservationKind.TARGET && o.year() != null)
                .filter(o -> measure == null || o.value().type() == measure)
                .max(Comparator.comparing(CatalogObservation::year)
                        .thenComparing(CatalogObservation::sequence, Comparator.reverseOrder()))
                .orElse(null);
        if (declared != null) {
            return new IndicatorPlan(baseline, target, declared, DirectionRule.DECLARED);
        }
        if (baseline == null) {
            return new IndicatorPlan(null, target, Direction.UNKNOWN, DirectionRule.NONE);
        }
        if (target != null) {
            return new IndicatorPlan(baseline, target, compare(target, baseline), DirectionRule.TARGET);
        }
        Optional<CatalogObservation> lastMilestone = observations.stream()
                .filter(o -> o.kind() == ObservationKind.MILESTONE && o.year() != null && o.value().type() == measure)
                .max(Comparator.comparing(CatalogObservation::year).thenComparing(CatalogObservation::sequence));
        return lastMilestone
                .map(m -> new IndicatorPlan(baseline, null, compare(m, baseline), DirectionRule.LAST_MILESTONE))
                .orElseGet(() -> new IndicatorPlan(baseline, null, Direction.UNKNOWN, DirectionRule.NONE));
    }

    private static Direction compare(CatalogObservation planned, CatalogObservation baseline) {
        int sign = planned.value().number().compareTo(baseline.value().number());
        return sign > 0 ? Direction.INCREASING : sign < 0 ? Direction.DECREASING : Direction.UNKNOWN;
    }

    /** A value that compares as a number: NUMBER or PERCENT with its number. */
    static boolean numeric(ObservedValue value) {
        return value != null && (value.type() == ValueType.NUMBER || value.type() == ValueType.PERCENT)
                && value.number() != null;
    }

    /** The baseline's value when it is of the given measure; else null. */
    ObservedValue baselineOf(ValueType measure) {
        return baseline != null && baseline.value().type() == measure ? baseline.value() : null;
    }
}
