package org.resultsflow.reporting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.reporting.service.ReadModelUpdater;

/** Feeds the read models from catalog.changes, a batch per transaction. */
@ApplicationScoped
public class CatalogChangesConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogChangesConsumer.class);

    private final ObjectMapper json;
    private final ReadModelUpdater updater;
    private final DeadLetters deadLetters;

    public CatalogChangesConsumer(ObjectMapper json, ReadModelUpdater updater, DeadLetters deadLetters) {
        this.json = json;
        this.updater = updater;
        this.deadLetters = deadLetters;
    }

    @Incoming("catalog-changes")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<ReceivedEvent<OutcomeChanged>> outcomeChanges = new ArrayList<>();
        List<Uni<Void>> rejected = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            String type = CloudEventRecords.type(record);
            try {
                if (EventTypes.CATALOG_OUTCOME.equals(type)) {
                    outcomeChanges.add(CloudEventRecords.decode(record, OutcomeChanged.class, json));
                } else if (type == null) {
                    throw new InvalidEventException("record has no ce_type header");
                } else {
                    LOG.debugf("No read model uses %s yet", type);
                }
            } catch (InvalidEventException e) {
                rejected.add(deadLetters.send(record, e.getMessage()));
            }
        }
        // Offsets are committed only once the poison records are safely aside.
        return updater.applyOutcomeChanges(outcomeChanges).chain(() -> rejected.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(rejected).andFailFast().replaceWithVoid());
    }
}
