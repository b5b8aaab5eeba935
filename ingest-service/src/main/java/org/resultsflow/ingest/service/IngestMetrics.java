package org.resultsflow.ingest.service;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;

/** {@link DomainMetric#DOCUMENTS_INGESTED}: every post that reached the parser, and how it ended. */
@ApplicationScoped
public class IngestMetrics {

    /** How a post ended; the {@code status} tag. */
    public enum Outcome {
        PUBLISHED, ALREADY_INGESTED, REJECTED, UNIDENTIFIED, PUBLISH_FAILED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The {@code layout} tag of a document no parser recognised. */
    static final String NO_LAYOUT = "none";

    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void document(String layout, Outcome outcome) {
        DomainMeters.counter(registry, DomainMetric.DOCUMENTS_INGESTED,
                "layout", layout == null ? NO_LAYOUT : layout, "status", outcome.tag()).increment();
    }
}
