package org.resultsflow.contracts.catalog;

import java.util.List;

/**
 * A canonical output of an outcome.
 *
 * @param code the code when a document shows it; null for an output known only by its outcome and
 *     normalised statement (pages that do not print codes)
 * @param progressNotes the notes documents file under the output, in year (none first) and sequence order
 */
public record CatalogOutput(String code, String statement, Provenance provenance,
        List<CatalogProgressNote> progressNotes) {

    public CatalogOutput {
        progressNotes = progressNotes == null ? List.of() : List.copyOf(progressNotes);
    }
}
