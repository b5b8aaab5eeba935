package org.resultsflow.catalog.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;

/**
 * {@link DomainMetric#CLAIMS_APPLIED} and {@link DomainMetric#RECORDS_CHANGED}. Counted when a batch's work is
 * done, just before its commit: a commit that then fails is counted again when the batch is retried.
 */
@ApplicationScoped
public class CatalogMetrics {

    private final MeterRegistry registry;
    private final Counter claims;

    public CatalogMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claims = DomainMeters.counter(registry, DomainMetric.CLAIMS_APPLIED);
        // every record type registered at 0, so that every rate exists from the start
        for (RecordType type : RecordType.values()) {
            changed(type);
        }
    }

    void claimsApplied(int count) {
        claims.increment(count);
    }

    void recordsChanged(List<Change> changes) {
        changes.stream().collect(Collectors.groupingBy(c -> c.record().type(), Collectors.counting()))
                .forEach((type, count) -> changed(type).increment(count));
    }

    private Counter changed(RecordType type) {
        return DomainMeters.counter(registry, DomainMetric.RECORDS_CHANGED, "type", type.value());
    }
}
