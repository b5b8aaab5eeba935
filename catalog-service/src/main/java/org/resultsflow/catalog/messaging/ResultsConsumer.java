package org.resultsflow.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.JDBCException;
import org.resultsflow.catalog.service.CatalogUpdater;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
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

    private final BatchConsumer<OutcomeReported> outcomes;
    private final BatchConsumer<IndicatorReported> indicators;
    private final BatchConsumer<BudgetReported> budgets;

    public ResultsConsumer(ObjectMapper json, CatalogUpdater updater,
            @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.outcomes = new BatchConsumer<>("outcomes", EventDecoder.only(EventTypes.OUTCOME_REPORTED,
                OutcomeReported.class, json), REDELIVERY, sink(updater, deadLetters));
        this.indicators = new BatchConsumer<>("indicators", EventDecoder.only(EventTypes.INDICATOR_REPORTED,
                IndicatorReported.class, json), REDELIVERY, sink(updater, deadLetters));
        this.budgets = new BatchConsumer<>("budgets", EventDecoder.only(EventTypes.BUDGET_REPORTED,
                BudgetReported.class, json), REDELIVERY, sink(updater, deadLetters));
    }

    /** Events to the catalog; bad records to catalog.dlq, as received plus why and where from. */
    private static <T> BatchConsumer.Sink<T> sink(CatalogUpdater updater, MutinyEmitter<String> deadLetters) {
        return new BatchConsumer.Sink<>() {
            @Override
            public CompletionStage<?> apply(List<ReceivedEvent<T>> events) {
                return updater.apply(events).subscribeAsCompletionStage();
            }

            @Override
            public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
                return deadLetters.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key()).withHeaders(DeadLetterHeaders.of(record, reason)).build()))
                        .subscribeAsCompletionStage();
            }
        };
    }

    /** Every consumer of this service, for readiness and the dead-letter replay. */
    public List<BatchConsumer<?>> consumers() {
        return List.of(outcomes, indicators, budgets);
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
    private static Uni<Void> consume(BatchConsumer<?> consumer, ConsumerRecords<String, String> records) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> consumer.consume(records,
                context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run())));
    }
}
