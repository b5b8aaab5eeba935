package org.resultsflow.contracts.catalog;

import java.util.List;

/** The canonical outcome: the merge of everything the documents seen so far say about it. */
public record CatalogOutcome(
        String id,
        String code,
        String office,
        String planPeriod,
        String statement,
        Provenance statementProvenance,
        String description,
        List<String> sdgAlignment,
        List<String> impactAreas,
        List<String> unSystemFunctions,
        String policyMarker,
        String humanitarianScope,
        List<CatalogOutput> outputs,
        List<CatalogProgressNote> progressNotes) {
}
