package org.resultsflow.contracts.ops;

import java.util.List;
import java.util.Set;

/**
 * Every domain metric a resultsflow service exports: its Micrometer name, what it counts, its tags and the
 * services that export it. The one list that the services register from, the service tests scrape
 * {@code /q/metrics} against, and the Kubernetes alerts and dashboard are checked against, so that none of
 * them can name a metric that does not exist.
 */
public enum DomainMetric {

    DOCUMENTS_INGESTED("resultsflow.documents.ingested", Kind.COUNTER, null,
            "Documents posted to ingest, by the layout recognised and the outcome of the post",
            List.of("layout", "status"), Set.of(Service.INGEST)),
    EVENTS_PUBLISHED("resultsflow.events.published", Kind.COUNTER, null,
            "Events acknowledged by Kafka, per topic", List.of("topic"), Set.of(Service.INGEST, Service.CATALOG)),
    CLAIMS_APPLIED("resultsflow.claims.applied", Kind.COUNTER, null,
            "Claims (values as one document states them) written to the catalog", List.of(), Set.of(Service.CATALOG)),
    RECORDS_CHANGED("resultsflow.records.changed", Kind.COUNTER, null,
            "Canonical records whose state changed, per record type", List.of("type"), Set.of(Service.CATALOG)),
    OUTBOX_BACKLOG("resultsflow.outbox.backlog", Kind.GAUGE, null,
            "Outbox rows not yet published to catalog.changes", List.of(), Set.of(Service.CATALOG)),
    OUTBOX_OLDEST_AGE("resultsflow.outbox.oldest.age", Kind.GAUGE, "seconds",
            "Age of the oldest unpublished outbox row; 0 when none is pending", List.of(), Set.of(Service.CATALOG)),
    DEAD_LETTERS("resultsflow.dead.letters", Kind.COUNTER, null,
            "Records set aside on a dead-letter topic, per consumer group", List.of("consumer"),
            Set.of(Service.CATALOG, Service.REPORTING)),
    CONSUMER_LAG("resultsflow.consumer.lag", Kind.GAUGE, null,
            "Records a consumer group has still to read: end offset minus committed offset",
            List.of("group", "topic", "partition"), Set.of(Service.CATALOG, Service.REPORTING)),
    READ_MODEL_FRESHNESS("resultsflow.read.model.freshness", Kind.TIMER, "seconds",
            "Time from a document's ingest (its events' ce_time) to this service's write of what it says",
            List.of(), Set.of(Service.CATALOG, Service.REPORTING));

    /** How Micrometer registers it, which decides the series Prometheus sees. */
    public enum Kind { COUNTER, GAUGE, TIMER }

    public enum Service {
        INGEST("ingest-service"), CATALOG("catalog-service"), REPORTING("reporting-service");

        public final String applicationName;

        Service(String applicationName) {
            this.applicationName = applicationName;
        }
    }

    private final String metricName;
    private final Kind kind;
    private final String baseUnit;
    private final String description;
    private final List<String> tags;
    private final Set<Service> services;

    DomainMetric(String metricName, Kind kind, String baseUnit, String description, List<String> tags,
            Set<Service> services) {
        this.metricName = metricName;
        this.kind = kind;
        this.baseUnit = baseUnit;
        this.description = description;
        this.tags = tags;
        this.services = services;
    }

    /** The Micrometer name, dotted. */
    public String metricName() {
        return metricName;
    }

    public Kind kind() {
        return kind;
    }

    public String baseUnit() {
        return baseUnit;
    }

    public String description() {
        return description;
    }

    public List<String> tags() {
        return tags;
    }

    public Set<Service> services() {
        return services;
    }

    /**
     * The series names the Prometheus registry writes for it: dots to underscores, the base unit appended,
     * {@code _total} for counters, {@code _count/_sum/_max/_bucket} for timers (published as a histogram).
     */
    public List<String> prometheusNames() {
        String base = metricName.replace('.', '_') + (baseUnit == null ? "" : "_" + baseUnit);
        return switch (kind) {
            case COUNTER -> List.of(base + "_total");
            case GAUGE -> List.of(base);
            case TIMER -> List.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
        };
    }
}
