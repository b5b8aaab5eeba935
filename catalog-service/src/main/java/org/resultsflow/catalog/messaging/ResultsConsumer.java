package org.resultsflow.catalog.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.resultsflow.catalog.service.CatalogUpdater;
import org.resultsflow.catalog.service.ChangeOrigin;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * Takes the ingest topics in batches; each batch is applied in one transaction. A record that cannot be
 * read, or whose data breaks its type's JSON Schema, goes to catalog.dlq with the reason; so does one
 * that fails when applied alone, after its batch failed: the consumer goes on either way.
 */
@ApplicationScoped
public class ResultsConsumer {

    private static final Logger LOG = Logger.getLogger(ResultsConsumer.class);
    private static final int MAX_REASON = 2000;

    private final ObjectMapper json;
    private final CatalogUpdater updater;
    private final DeadLetters deadLetters;
    private final ConsumedBatches batches;

    public ResultsConsumer(ObjectMapper json, CatalogUpdater updater, DeadLetters deadLetters, ConsumedBatches batches) {
        this.json = json;
        this.updater = updater;
        this.deadLetters = deadLetters;
        this.batches = batches;
    }

    @Incoming("outcomes")
    public Uni<Void> outcomes(ConsumerRecords<String, String> records) {
        return consume(records, EventTypes.OUTCOME_REPORTED, OutcomeReported.class);
    }

    @Incoming("indicators")
    public Uni<Void> indicators(ConsumerRecords<String, String> records) {
        return consume(records, EventTypes.INDICATOR_REPORTED, IndicatorReported.class);
    }

    @Incoming("budgets")
    public Uni<Void> budgets(ConsumerRecords<String, String> records) {
        return consume(records, EventTypes.BUDGET_REPORTED, BudgetReported.class);
    }

    private record Received(ConsumerRecord<String, String> record, ReceivedEvent<?> event) {
    }

    private record Failed(Received received, Throwable error) {
    }

    private <T> Uni<Void> consume(ConsumerRecords<String, String> records, String type, Class<T> dataType) {
        List<Received> events = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(new Received(record, decode(record, type, dataType)));
            } catch (InvalidEventException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        // The batch's offsets are committed only once the poison records are safely aside; if that
        // fails the batch comes again and its applied events are recognised as processed.
        ConsumedBatches.Batch batch = batches.start(records.isEmpty() ? type : records.iterator().next().topic(), records);
        return applyAll(events, batch.origin()).chain(() -> rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid())
                .invoke(() -> batches.applied(records))
                .onTermination().invoke((ignored, failure, cancelled) -> batch.end(failure));
    }

    /**
     * The whole batch in one transaction; if that fails, each event in its own, so that one event that
     * can never be applied is set aside instead of stopping the channel.
     */
    private Uni<Void> applyAll(List<Received> received, ChangeOrigin origin) {
        if (received.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ReceivedEvent<?>> events = received.stream().<ReceivedEvent<?>>map(Received::event).toList();
        return updater.apply(events, origin).replaceWithVoid().onFailure().recoverWithUni(failure -> {
            LOG.warnf(failure, "A batch of %d events failed; applying them one by one", events.size());
            return Multi.createFrom().iterable(received)
                    .onItem().transformToUniAndConcatenate(one -> updater.apply(List.of(one.event()), origin)
                            .map(ignored -> (Failed) null)
                            .onFailure().recoverWithItem(e -> new Failed(one, e)))
                    .collect().asList()
                    .chain(results -> {
                        List<Failed> failed = results.stream().filter(java.util.Objects::nonNull).toList();
                        // Every event of a batch failing alone, or any failing for want of the database, is not
                        // the events' fault: fail, so that the batch is retried, rather than set good events aside.
                        if ((received.size() > 1 && failed.size() == received.size())
                                || failed.stream().anyMatch(f -> databaseUnavailable(f.error()))) {
                            return Uni.createFrom().failure(failure);
                        }
                        return Multi.createFrom().iterable(failed)
                                .onItem().transformToUniAndConcatenate(f -> deadLetters.send(f.received().record(),
                                        reason("not applicable", f.error())))
                                .collect().asList().replaceWithVoid();
                    });
        });
    }

    /**
     * A failure of the connection to PostgreSQL rather than of the data: the same event would apply once
     * the database is back (connection, timeout, resource, serialization and shutdown errors).
     */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String sqlClass = pg.getSqlState().substring(0, 2);
                return sqlClass.equals("08") || sqlClass.equals("40") || sqlClass.equals("53") || sqlClass.equals("57");
            }
            if (t instanceof IOException || t instanceof VertxException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    // Vert.x reports a closed pool or a connection wait that timed out with this bare type.
                    || t.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")) {
                return true;
            }
        }
        return false;
    }

    private <T> ReceivedEvent<T> decode(ConsumerRecord<String, String> record, String type, Class<T> dataType)
            throws InvalidEventException {
        String id = CloudEventRecords.header(record, CloudEventRecords.ID);
        String actual = CloudEventRecords.type(record);
        if (id == null || id.isBlank() || actual == null || actual.isBlank()) {
            throw new InvalidEventException("record has no ce_id or ce_type header");
        }
        if (!type.equals(actual)) {
            throw new InvalidEventException("unexpected event type " + actual + " on a topic of " + type);
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidEventException("record of type " + type + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("data is not JSON: " + e.getOriginalMessage());
        }
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(truncate("data violates the schema of " + type + ": "
                    + String.join("; ", violations)));
        }
        try {
            return new ReceivedEvent<>(id, type, json.treeToValue(data, dataType));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException(truncate("data is not a valid " + type + ": " + e.getMessage()));
        }
    }

    private static String reason(String what, Throwable e) {
        return truncate(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private static String truncate(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }
}
