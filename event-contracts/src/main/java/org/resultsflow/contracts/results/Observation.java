package org.resultsflow.contracts.results;

/**
 * One value of an indicator as one document shows it.
 *
 * <p>Its identity is the indicator + {@code year} + {@code kind} + {@code sequence}. Pages list several
 * blocks under the same year label (four 2023 milestones, each with its own value); they are distinct
 * values, not contradictions, so each keeps its place: {@code sequence} is its rank among the blocks of
 * that year and kind in the indicator, 1 for the first.
 *
 * @param year the year as printed; null when the page shows none (a baseline whose year is {@code -})
 * @param sequence 1-based rank among this indicator's observations of the same year and kind
 * @param headline whether this is the end-of-plan summary line ({@code 2026 Result -}) rather than a row
 *     of the table; a headline of the same year and kind as a row repeats that row
 */
public record Observation(Integer year, ObservationKind kind, int sequence, boolean headline, ObservedValue value,
        LineRange lines) {

    public Observation {
        if (sequence < 1) {
            sequence = 1; // events written before the field existed
        }
    }

    public Observation(Integer year, ObservationKind kind, ObservedValue value, LineRange lines) {
        this(year, kind, 1, false, value, lines);
    }
}
