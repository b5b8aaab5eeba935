package org.resultsflow.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Data of {@code catalog.outcome.v1}. Key: the outcome id; the topic is compacted, so the latest event
 * of an outcome is its whole current state.
 *
 * @param version increases by one with every change of this outcome
 * @param changedFields the top-level fields of {@code outcome} this change touched
 */
public record OutcomeChanged(String outcomeId, long version, List<String> changedFields, Instant changedAt, CatalogOutcome outcome) {
}
