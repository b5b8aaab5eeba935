package org.resultsflow.catalog.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.resultsflow.catalog.service.CatalogUpdater;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;

/** Takes the ingest topics in batches; each batch is applied in one transaction. */
@ApplicationScoped
public class ResultsConsumer {

    private final ObjectMapper json;
    private final CatalogUpdater updater;
    private final DeadLetters deadLetters;

    public ResultsConsumer(ObjectMapper json, CatalogUpdater updater, DeadLetters deadLetters) {
        this.json = json;
        this.updater = updater;
        this.deadLetters = deadLetters;
    }

    @Incoming("outcomes")
    public Uni<Void> outcomes(ConsumerRecords<String, String> records) {
        List<ReceivedEvent<OutcomeReported>> events = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                if (!EventTypes.OUTCOME_REPORTED.equals(CloudEventRecords.type(record))) {
                    throw new InvalidEventException("unexpected event type " + CloudEventRecords.type(record)
                            + " on a topic of " + EventTypes.OUTCOME_REPORTED);
                }
                events.add(CloudEventRecords.decode(record, OutcomeReported.class, json));
            } catch (InvalidEventException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        // The batch's offsets are committed only once the poison records are safely aside; if that
        // fails the batch comes again and its applied events are recognised as processed.
        return updater.applyOutcomes(events).chain(() -> rejected.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid());
    }
}
