package org.resultsflow.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.TraceContext;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.reporting.change.CatalogChange;
import org.resultsflow.reporting.service.LiveReadModels;

/**
 * Feeds the read models from catalog.changes, a batch per transaction. Records that can never be applied go to
 * reporting.dlq: undecodable or schema-violating ones at once; one the database refuses (a data or integrity
 * error) when the batch fails and, retried one by one, that record alone fails again.
 */
@ApplicationScoped
public class CatalogChangesConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogChangesConsumer.class);

    private final ChangeDecoder decoder;
    private final LiveReadModels readModels;
    private final DeadLetters deadLetters;
    private final Tracer tracer;
    private final Timer freshness;

    public CatalogChangesConsumer(ChangeDecoder decoder, LiveReadModels readModels, DeadLetters deadLetters,
            Tracer tracer, MeterRegistry registry) {
        this.decoder = decoder;
        this.readModels = readModels;
        this.deadLetters = deadLetters;
        this.tracer = tracer;
        this.freshness = DomainMeters.freshness(registry);
    }

    private record Decoded(ConsumerRecord<String, String> record, CatalogChange change) {
    }

    @Incoming("catalog-changes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Decoded> decoded = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                CatalogChange change = decoder.decode(record);
                if (change == null) {
                    LOG.debugf("No read model uses %s", record.headers().lastHeader("ce_type"));
                } else {
                    decoded.add(new Decoded(record, change));
                }
            } catch (InvalidEventException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        // The read-model write continues the traces of the changes it applies.
        List<Headers> headers = new ArrayList<>();
        records.forEach(record -> headers.add(record.headers()));
        Span span = TraceContext.startBatchSpan(tracer, "read models write", headers);
        // Offsets are committed only once the poison records are safely aside.
        return readModels.apply(decoded.stream().map(Decoded::change).toList())
                .replaceWithVoid()
                .onFailure(CatalogChangesConsumer::causedByRecord).recoverWithUni(e -> {
                    LOG.warnf("A batch of %d changes failed (%s); applying them one by one", decoded.size(), e.getMessage());
                    return oneByOne(decoded);
                })
                .chain(() -> rejected.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : Uni.join().all(rejected).andFailFast().replaceWithVoid())
                .invoke(() -> fresh(records))
                .onTermination().invoke((ignored, failure, cancelled) -> {
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR);
                    }
                    span.end();
                });
    }

    /** Freshness of what was written: from the ingest of the documents behind each change. */
    private void fresh(ConsumerRecords<String, String> records) {
        Instant now = Instant.now();
        records.forEach(record -> DomainMeters.recordSince(freshness,
                CloudEventRecords.header(record, DomainMeters.INGESTED_AT_HEADER), now));
    }

    private Uni<Void> oneByOne(List<Decoded> decoded) {
        return Multi.createFrom().iterable(decoded)
                .onItem().transformToUniAndConcatenate(d -> readModels.apply(List.of(d.change())).replaceWithVoid()
                        .onFailure(CatalogChangesConsumer::causedByRecord)
                        .recoverWithUni(e -> deadLetters.send(d.record(), "the read models refuse it: " + e.getMessage())))
                .collect().last().replaceWithVoid();
    }

    /** A data exception or integrity violation: that data will never fit, however often it is retried. */
    static boolean causedByRecord(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
