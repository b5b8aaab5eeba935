package org.resultsflow.contracts.catalog;

import java.util.List;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * The canonical value of one observation (indicator + year + kind), where it came from, and the other
 * known values other documents gave for it.
 */
public record CatalogObservation(int year, ObservationKind kind, ObservedValue value, Provenance provenance,
        List<Conflict> conflicts) {

    /** A known value a document gave that differs from the canonical one. */
    public record Conflict(ObservedValue value, Provenance provenance) {
    }
}
