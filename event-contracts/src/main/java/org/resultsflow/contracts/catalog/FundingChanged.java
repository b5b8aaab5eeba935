package org.resultsflow.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code catalog.funding.v1}. Key: {@code <outcomeId>/funding}, not the bare outcome id: the topic
 * is compacted, so a key holds one record, and the outcome id is the key of the outcome's own events.
 */
public record FundingChanged(String outcomeId, long version, List<String> changedFields, Instant changedAt,
        CatalogFunding funding) {
}
