package org.resultsflow.catalog.service;

/**
 * A canonical record as computed from its group's claims: what the canonical_record row holds and what a
 * change event carries.
 *
 * @param canonical the contract record ({@code CatalogOutcome}, {@code CatalogIndicator}, …); null for the
 *     key of a merged codeless indicator, whose state is only where it went ({@code mergedInto})
 * @param state the canonical JSON of the record: equal states mean no change
 */
public record Computed(String type, String id, String office, String planPeriod, String parentId,
        String outcomeId, String mergedInto, int conflicts, Object canonical, String state) {
}
