package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.resultsflow.contracts.results.Dimension;

import java.util.List;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * The canonical value of one observation, where it came from, and the other known values other documents
 * gave for it.
 *
 * <p>Its identity is indicator + {@code year} + {@code kind} + {@code sequence}: a page that lists four 2023
 * milestones lists four values, each kept under its rank, not one value and three contradictions.
 *
 * @param year the year as printed; null when no document shows one (a baseline printed {@code -})
 * @param sequence 1-based rank among the indicator's observations of the same year and kind
 * @param headline whether the value comes from an end-of-plan summary line rather than a table row; a
 *     headline that repeats a row of the same document is that row, never a second value
 * @param periodStart the first day of the period the value is for, when documents state one (IATI); with
 *     {@code periodEnd} and {@code dimensions} part of the identity
 * @param periodEnd the last day of that period, or null
 * @param dimensions the disaggregation the value is for; empty when none
 */
public record CatalogObservation(Integer year, ObservationKind kind, int sequence, boolean headline,
        ObservedValue value, Provenance provenance, List<Conflict> conflicts,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate periodStart,
        @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate periodEnd,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Dimension> dimensions) {

    public CatalogObservation {
        if (sequence < 1) {
            sequence = 1; // events written before the field existed
        }
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    public CatalogObservation(Integer year, ObservationKind kind, int sequence, boolean headline,
            ObservedValue value, Provenance provenance, List<Conflict> conflicts) {
        this(year, kind, sequence, headline, value, provenance, conflicts, null, null, List.of());
    }

    /** A known value a document gave that differs from the canonical one. */
    public record Conflict(ObservedValue value, Provenance provenance) {
    }
}
