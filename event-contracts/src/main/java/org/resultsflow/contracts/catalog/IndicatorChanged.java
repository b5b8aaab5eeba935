package org.resultsflow.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Data of {@code catalog.indicator.v1}. Key: the indicator id.
 *
 * <p>When an indicator first seen without its code (key {@code <parent>::<normalised statement>}) is matched
 * to the same indicator shown with its code, the codeless id becomes an alias: its key then carries a
 * <em>merged-into</em> change, {@code indicator} null and {@code mergedInto} the surviving id, and the
 * survivor's own key carries its full state (with the alias in {@code aliases}). Such a key keeps that
 * redirect as its last event; consumers drop what they hold under it.
 *
 * @param indicator the full canonical state; null only in a merged-into change
 * @param mergedInto the id this key's indicator now lives under; absent in every other change (added
 *     after the first version of this record, additive)
 */
public record IndicatorChanged(String indicatorId, long version, List<String> changedFields, Instant changedAt,
        CatalogIndicator indicator, @JsonInclude(JsonInclude.Include.NON_NULL) String mergedInto) {

    /** An ordinary change: the indicator's full state under its own id. */
    public IndicatorChanged(String indicatorId, long version, List<String> changedFields, Instant changedAt,
            CatalogIndicator indicator) {
        this(indicatorId, version, changedFields, changedAt, indicator, null);
    }
}
