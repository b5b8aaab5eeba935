package org.resultsflow.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** Data of {@code catalog.indicator.v1}. Key: the indicator id. */
public record IndicatorChanged(String indicatorId, long version, List<String> changedFields, Instant changedAt,
        CatalogIndicator indicator) {
}
