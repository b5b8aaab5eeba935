package org.resultsflow.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.JDBCException;
import org.resultsflow.catalog.service.CatalogUpdater;
import org.resultsflow.catalog.service.ChangeOrigin;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.IngestTopics;
import org.resultsflow.contracts.ops.TraceContext;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.EventDecoder;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.contracts.wire.Redelivery;

/**
 * Takes the three ingest topics as one channel, in batches, each applied in one transaction, by the rules of
 * {@link BatchConsumer}: bad records go to the dead letters, and a batch the database cannot take now is retried
 * in the process until it can (readiness is DOWN meanwhile), never failing the channel. One channel, not one per
 * topic: a document's outcome, indicator and budget events touch the same groups and the same document row, so
 * three channels applied them in three transactions that waited for each other's locks, each with its own commit
 * and relay round; read together they are mostly one batch.
 */
@ApplicationScoped
public class ResultsConsumer {

    static final Redelivery REDELIVERY = new Redelivery(t -> t instanceof PgException pg ? pg.getSqlState()
            : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null);

    /** The channel's name, in the messaging configuration and on readiness. */
    public static final String CHANNEL = "results";

    private final ConsumedBatches batches;
    private final OutboxRelay relay;
    private final CatalogUpdater updater;
    private final BatchConsumer<Object> consumer;

    public ResultsConsumer(ObjectMapper json, CatalogUpdater updater, DeadLetters deadLetters, ConsumedBatches batches,
            OutboxRelay relay, @ConfigProperty(name = "mp.messaging.incoming." + CHANNEL + ".topics") List<String> topics) {
        this.batches = batches;
        this.relay = relay;
        this.updater = updater;
        EventDecoder<Object> decoder = EventDecoder.oneTypePerTopic(typeOfTopic(topics), Map.of(
                EventTypes.OUTCOME_REPORTED, OutcomeReported.class,
                EventTypes.INDICATOR_REPORTED, IndicatorReported.class,
                EventTypes.BUDGET_REPORTED, BudgetReported.class), json);
        this.consumer = new BatchConsumer<>(CHANNEL, decoder, REDELIVERY, new BatchConsumer.Sink<>() {
            /**
             * A replayed record's: in the trace of the replay request (an operator's replay is traced as that
             * request), published as soon as it is committed, as a live batch is.
             */
            @Override
            public CompletionStage<?> apply(List<ReceivedEvent<Object>> events) {
                ChangeOrigin replay = new ChangeOrigin(TraceContext.traceparent(Span.current().getSpanContext()), null);
                return updater.apply(events, replay).invoke(relay::wake).subscribeAsCompletionStage();
            }

            @Override
            public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
                return deadLetters.send(record, reason).subscribeAsCompletionStage();
            }
        });
    }

    /** What each configured topic carries; a topic that is no ingest topic stops the service at its start. */
    private static Map<String, String> typeOfTopic(List<String> topics) {
        Map<String, String> types = new HashMap<>();
        for (String topic : topics) {
            String type = IngestTopics.TYPE.get(topic);
            if (type == null) {
                throw new IllegalStateException("mp.messaging.incoming." + CHANNEL + ".topics names " + topic
                        + ", which is none of the ingest topics " + new TreeSet<>(IngestTopics.TYPE.keySet()));
            }
            types.put(topic, type);
        }
        return types;
    }

    /** Every consumer of this service, for readiness and the dead-letter replay. */
    public List<BatchConsumer<?>> consumers() {
        return List.of(consumer);
    }

    /**
     * Retries resume on the channel's own context, which the reactive session of each transaction needs. Each batch
     * carries its own origin: with {@code concurrency} the channel takes several at once.
     */
    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        ConsumedBatches.Batch batch = batches.start(CHANNEL, records);
        return Uni.createFrom().completionStage(() -> consumer.consume(records,
                        context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run()),
                        events -> updater.apply(events, batch.origin()).subscribeAsCompletionStage()))
                .invoke(() -> batches.applied(records))
                // committed: its changes are published now, not at the relay's next poll
                .invoke(relay::wake)
                .onTermination().invoke((ignored, failure, cancelled) -> batch.end(failure));
    }

    void onStop(@Observes ShutdownEvent event) {
        consumer.stop();
    }
}
