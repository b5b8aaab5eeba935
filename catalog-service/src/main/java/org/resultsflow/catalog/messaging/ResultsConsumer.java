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
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.JDBCException;
import org.resultsflow.catalog.service.CatalogUpdater;
import org.resultsflow.catalog.service.ChangeOrigin;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.ops.TraceContext;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.EventDecoder;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.contracts.wire.Redelivery;

/**
 * Takes the ingest topics in batches, each applied in one transaction, by the rules of {@link BatchConsumer}:
 * bad records go to the dead letters, and a batch the database cannot take now is retried in the process
 * until it can (readiness is DOWN meanwhile), never failing the channel.
 */
@ApplicationScoped
public class ResultsConsumer {

    static final Redelivery REDELIVERY = new Redelivery(t -> t instanceof PgException pg ? pg.getSqlState()
            : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null);

    private final ConsumedBatches batches;
    private final OutboxRelay relay;
    private final Channel<OutcomeReported> outcomes;
    private final Channel<IndicatorReported> indicators;
    private final Channel<BudgetReported> budgets;

    public ResultsConsumer(ObjectMapper json, CatalogUpdater updater, DeadLetters deadLetters, ConsumedBatches batches,
            OutboxRelay relay) {
        this.batches = batches;
        this.relay = relay;
        this.outcomes = new Channel<>("outcomes", EventDecoder.only(EventTypes.OUTCOME_REPORTED, OutcomeReported.class,
                json), updater, deadLetters, relay);
        this.indicators = new Channel<>("indicators", EventDecoder.only(EventTypes.INDICATOR_REPORTED,
                IndicatorReported.class, json), updater, deadLetters, relay);
        this.budgets = new Channel<>("budgets", EventDecoder.only(EventTypes.BUDGET_REPORTED, BudgetReported.class,
                json), updater, deadLetters, relay);
    }

    /**
     * One input channel: its consumer, and the origin (trace, ingest time) of the batch it is applying, which
     * its changes are written with. A channel takes one batch at a time, retries included, so one field holds it.
     */
    private static final class Channel<T> {
        final BatchConsumer<T> consumer;
        volatile ChangeOrigin origin = ChangeOrigin.NONE;

        Channel(String name, EventDecoder<T> decoder, CatalogUpdater updater, DeadLetters deadLetters, OutboxRelay relay) {
            this.consumer = new BatchConsumer<>(name, decoder, REDELIVERY, new BatchConsumer.Sink<>() {
                @Override
                public CompletionStage<?> apply(List<ReceivedEvent<T>> events) {
                    return updater.apply(events, origin).subscribeAsCompletionStage();
                }

                @Override
                public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
                    return deadLetters.send(record, reason).subscribeAsCompletionStage();
                }

                /**
                 * In the trace of the replay request (an operator's replay is traced as that request), not of whatever
                 * batch the channel is on; published as soon as it is committed, as a live batch is.
                 */
                @Override
                public CompletionStage<?> applyReplayed(List<ReceivedEvent<T>> events) {
                    ChangeOrigin replay = new ChangeOrigin(TraceContext.traceparent(Span.current().getSpanContext()), null);
                    return updater.apply(events, replay).invoke(relay::wake).subscribeAsCompletionStage();
                }
            });
        }
    }

    /** Every consumer of this service, for readiness and the dead-letter replay. */
    public List<BatchConsumer<?>> consumers() {
        return List.of(outcomes.consumer, indicators.consumer, budgets.consumer);
    }

    @Incoming("outcomes")
    public Uni<Void> outcomes(ConsumerRecords<String, String> records) {
        return consume(outcomes, records);
    }

    @Incoming("indicators")
    public Uni<Void> indicators(ConsumerRecords<String, String> records) {
        return consume(indicators, records);
    }

    @Incoming("budgets")
    public Uni<Void> budgets(ConsumerRecords<String, String> records) {
        return consume(budgets, records);
    }

    void onStop(@Observes ShutdownEvent event) {
        consumers().forEach(BatchConsumer::stop);
    }

    /** Retries resume on the channel's own context, which the reactive session of each transaction needs. */
    private Uni<Void> consume(Channel<?> channel, ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        ConsumedBatches.Batch batch = batches.start(records.isEmpty() ? channel.consumer.name()
                : records.iterator().next().topic(), records);
        channel.origin = batch.origin();
        return Uni.createFrom().completionStage(() -> channel.consumer.consume(records,
                        context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run())))
                .invoke(() -> batches.applied(records))
                // committed: its changes are published now, not at the relay's next poll
                .invoke(relay::wake)
                .onTermination().invoke((ignored, failure, cancelled) -> batch.end(failure));
    }
}
