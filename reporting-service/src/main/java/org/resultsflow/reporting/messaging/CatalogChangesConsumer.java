package org.resultsflow.reporting.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.contracts.wire.Redelivery;
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

    public CatalogChangesConsumer(ChangeDecoder decoder, LiveReadModels readModels,
            @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
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

            /** To reporting.dlq, as received plus why and where from. */
            @Override
            public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
                OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key()).withHeaders(DeadLetterHeaders.of(record, reason)).build();
                return deadLetters.sendMessage(Message.of(record.value()).addMetadata(metadata)).subscribeAsCompletionStage();
            }
        });
    }

    public BatchConsumer<Object> changes() {
        return changes;
    }

    /** Retries resume on the channel's own context. */
    @Incoming("catalog-changes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> changes.consume(records,
                context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run())));
    }

    void onStop(@Observes ShutdownEvent event) {
        changes.stop();
    }
}
