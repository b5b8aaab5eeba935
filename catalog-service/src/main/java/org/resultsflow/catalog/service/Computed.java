package org.resultsflow.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.resultsflow.catalog.mapping.RecordType;

/**
 * A canonical record as computed from its group's claims: what the canonical_record row holds and what a
 * change event carries.
 *
 * @param canonical the contract record ({@code CatalogOutcome}, {@code CatalogIndicator}, …); null for the
 *     key of a merged codeless indicator, whose state is only where it went ({@code mergedInto})
 * @param state the record as a JSON tree, stored as it is: equal states mean no change
 */
public record Computed(RecordType type, String id, String office, String planPeriod, String parentId,
        String outcomeId, String mergedInto, int conflicts, Object canonical, JsonNode state) {
}
