package org.resultsflow.contracts.catalog;

import java.util.List;
import java.util.Map;

/**
 * The canonical outcome: the merge of everything the documents seen so far say about it.
 *
 * @param provenance for every field that has a value, the document it was taken from
 */
public record CatalogOutcome(
        String id,
        String code,
        String office,
        String planPeriod,
        String statement,
        String description,
        List<String> sdgAlignment,
        List<String> impactAreas,
        List<String> unSystemFunctions,
        String policyMarker,
        String humanitarianScope,
        Map<String, Provenance> provenance,
        List<CatalogOutput> outputs,
        List<CatalogProgressNote> progressNotes) {
}
