package org.resultsflow.reporting.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.TraceContext;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.contracts.wire.Redelivery;
import org.resultsflow.reporting.change.CatalogChange;
import org.resultsflow.reporting.service.LiveReadModels;

/**
 * Feeds the read models from catalog.changes, a batch per transaction, by the rules of {@link BatchConsumer}:
 * bad records go to reporting.dlq, and a batch the database cannot take now is retried in the process until it
 * can (readiness is DOWN meanwhile), never failing the channel.
 */
@ApplicationScoped
public class CatalogChangesConsumer {

    static final Redelivery REDELIVERY = new Redelivery(t -> t instanceof PgException pg ? pg.getSqlState() : null);

    private final BatchConsumer<Object> changes;
    private final Tracer tracer;
    private final Timer freshness;

    public CatalogChangesConsumer(ChangeDecoder decoder, LiveReadModels readModels, DeadLetters deadLetters,
            Tracer tracer, MeterRegistry registry) {
        this.tracer = tracer;
        this.freshness = DomainMeters.freshness(registry);
        this.changes = new BatchConsumer<>("catalog-changes", decoder.events(), REDELIVERY, new BatchConsumer.Sink<>() {
            @Override
            public CompletionStage<?> apply(List<ReceivedEvent<Object>> events) {
                List<CatalogChange> batch = new ArrayList<>();
                try {
                    for (ReceivedEvent<Object> event : events) {
                        batch.add(ChangeDecoder.change(event));
                    }
                } catch (InvalidEventException e) {
                    return CompletableFuture.failedFuture(e);
                }
                return readModels.apply(batch).subscribeAsCompletionStage();
            }

            @Override
            public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
                return deadLetters.send(record, reason).subscribeAsCompletionStage();
            }
        });
    }

    public BatchConsumer<Object> changes() {
        return changes;
    }

    /** Retries resume on the channel's own context. The read-model write continues the traces of its changes. */
    @Incoming("catalog-changes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        List<Headers> headers = new ArrayList<>();
        records.forEach(record -> headers.add(record.headers()));
        Span span = TraceContext.startBatchSpan(tracer, "read models write", headers);
        return Uni.createFrom().completionStage(() -> changes.consume(records,
                        context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run())))
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

    void onStop(@Observes ShutdownEvent event) {
        changes.stop();
    }
}
