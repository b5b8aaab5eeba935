package org.resultsflow.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** Data of {@code catalog.funding.v1}. Key: the outcome id. */
public record FundingChanged(String outcomeId, long version, List<String> changedFields, Instant changedAt,
        CatalogFunding funding) {
}
