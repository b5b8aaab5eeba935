package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

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
 * @param periodStart the first day of the period the value is for, when the document states a period (IATI);
 *     with {@code periodEnd} and {@code dimensions} part of the identity, so periods that are not calendar
 *     years and values per sex or age stay apart
 * @param periodEnd the last day of that period, or null
 * @param dimensions the disaggregation the value is for, in document order; empty when none
 * @param comment the document's comment on the value, or null
 * @param locations the references of the locations the value is for, in document order
 */
public record Observation(Integer year, ObservationKind kind, int sequence, boolean headline, ObservedValue value,
        LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate periodStart,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate periodEnd,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Dimension> dimensions,
        @JsonInclude(JsonInclude.Include.NON_NULL) String comment,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> locations) {

    public Observation {
        if (sequence < 1) {
            sequence = 1; // events written before the field existed
        }
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public Observation(Integer year, ObservationKind kind, int sequence, boolean headline, ObservedValue value,
            LineRange lines) {
        this(year, kind, sequence, headline, value, lines, null, null, List.of(), null, List.of());
    }

    public Observation(Integer year, ObservationKind kind, ObservedValue value, LineRange lines) {
        this(year, kind, 1, false, value, lines);
    }
}
