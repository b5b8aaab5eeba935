package org.resultsflow.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.catalog.repository.ClaimRepository;
import org.resultsflow.catalog.repository.OutboxEvent;
import org.resultsflow.catalog.repository.ProcessedEvent;
import org.resultsflow.catalog.repository.ProcessedEventRepository;
import org.resultsflow.catalog.repository.SourceDocumentEntity;
import org.resultsflow.catalog.repository.SourceDocumentRepository;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * Applies a batch of events in one transaction: the claims they carry, the canonical records they
 * change, an outbox row per change, and the ids of the events themselves, so that a redelivered batch
 * changes nothing.
 */
@ApplicationScoped
public class CatalogUpdater {

    private static final Logger LOG = Logger.getLogger(CatalogUpdater.class);

    private final ProcessedEventRepository processedEvents;
    private final SourceDocumentRepository documents;
    private final ClaimRepository claims;
    private final CanonicalRecordRepository records;
    private final ClaimMapper claimMapper;
    private final OutcomeMerge outcomeMerge;
    private final ObjectMapper json;

    public CatalogUpdater(ProcessedEventRepository processedEvents, SourceDocumentRepository documents,
            ClaimRepository claims, CanonicalRecordRepository records, ClaimMapper claimMapper,
            OutcomeMerge outcomeMerge, ObjectMapper json) {
        this.processedEvents = processedEvents;
        this.documents = documents;
        this.claims = claims;
        this.records = records;
        this.claimMapper = claimMapper;
        this.outcomeMerge = outcomeMerge;
        this.json = json;
    }

    @WithTransaction
    public Uni<Void> applyOutcomes(List<ReceivedEvent<OutcomeReported>> batch) {
        Instant now = Instant.now();
        return fresh(batch).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Set<String> touched = new LinkedHashSet<>();
            List<Claim> newClaims = new ArrayList<>();
            Uni<Void> work = Uni.createFrom().voidItem();
            for (ReceivedEvent<OutcomeReported> event : events) {
                SourceDocument document = event.data().document();
                String outcomeId = event.data().outcome().id();
                touched.add(outcomeId);
                newClaims.addAll(claimMapper.outcomeClaims(document, event.data().outcome(), now));
                work = work.chain(() -> remember(document, now))
                        .chain(() -> claims.deleteForDocument(document.id(), ClaimMapper.OUTCOME, List.of(outcomeId)))
                        .replaceWithVoid();
            }
            return work
                    .chain(() -> claims.persist(newClaims))
                    .chain(Panache::flush)
                    .chain(() -> Multi.createFrom().iterable(touched)
                            .onItem().transformToUniAndConcatenate(id -> recomputeOutcome(id, now))
                            .collect().asList())
                    .chain(() -> markProcessed(events, now));
        });
    }

    /** The events of the batch not applied before, each once. */
    private <T> Uni<List<ReceivedEvent<T>>> fresh(List<ReceivedEvent<T>> batch) {
        Map<String, ReceivedEvent<T>> unique = new LinkedHashMap<>();
        batch.forEach(event -> unique.putIfAbsent(event.id(), event));
        return processedEvents.alreadyProcessed(unique.keySet()).map(done -> {
            List<ReceivedEvent<T>> fresh = new ArrayList<>(unique.values());
            fresh.removeIf(event -> done.contains(event.id()));
            if (fresh.size() < batch.size()) {
                LOG.debugf("Skipping %d events already applied or repeated", batch.size() - fresh.size());
            }
            return fresh;
        });
    }

    private Uni<Void> remember(SourceDocument document, Instant now) {
        return documents.findById(document.id()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            SourceDocumentEntity entity = new SourceDocumentEntity();
            entity.id = document.id();
            entity.name = document.name();
            entity.mediaType = document.mediaType();
            entity.layout = document.layout();
            entity.asOf = document.asOf();
            entity.asOfBasis = document.asOfBasis().name();
            entity.firstSeenAt = now;
            return documents.persist(entity).replaceWithVoid();
        });
    }

    private Uni<Void> recomputeOutcome(String outcomeId, Instant now) {
        return claims.forRecord(ClaimMapper.OUTCOME, outcomeId).chain(all -> {
            CatalogOutcome outcome = outcomeMerge.merge(outcomeId, all);
            return records.find(ClaimMapper.OUTCOME, outcomeId).chain(current -> {
                JsonNode state = json.valueToTree(outcome);
                JsonNode previous = current == null ? null : readTree(current.state);
                if (state.equals(previous)) {
                    return Uni.createFrom().voidItem();
                }
                CanonicalRecord record = current;
                if (record == null) {
                    record = new CanonicalRecord();
                    record.key = new CanonicalRecord.Key(ClaimMapper.OUTCOME, outcomeId);
                    record.version = 0;
                }
                record.version++;
                record.office = outcome.office();
                record.planPeriod = outcome.planPeriod();
                record.state = state.toString();
                record.updatedAt = now;
                OutcomeChanged change = new OutcomeChanged(outcomeId, record.version, changedFields(previous, state),
                        now, outcome);
                OutboxEvent outbox = outboxEvent(EventTypes.CATALOG_OUTCOME, outcomeId, record.version, change, now);
                return records.persist(record).chain(() -> outbox.persist()).replaceWithVoid();
            });
        });
    }

    private <T> Uni<Void> markProcessed(List<ReceivedEvent<T>> events, Instant now) {
        List<ProcessedEvent> rows = events.stream().map(e -> ProcessedEvent.of(e.id(), e.type(), now)).toList();
        return processedEvents.persist(rows);
    }

    private OutboxEvent outboxEvent(String type, String key, long version, Object data, Instant now) {
        OutboxEvent event = new OutboxEvent();
        // Stable per record version: a relay that publishes twice sends the same id twice.
        event.eventId = UUID.nameUUIDFromBytes((type + '/' + key + '/' + version).getBytes(StandardCharsets.UTF_8))
                .toString();
        event.eventType = type;
        event.recordKey = key;
        event.payload = json.valueToTree(data).toString();
        event.createdAt = now;
        return event;
    }

    static List<String> changedFields(JsonNode previous, JsonNode state) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = state.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (previous == null || !state.get(name).equals(previous.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private JsonNode readTree(String state) {
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored canonical state is not JSON", e);
        }
    }
}
