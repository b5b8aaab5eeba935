package org.resultsflow.catalog.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.ClaimMapper.Group;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.catalog.repository.ClaimRepository;
import org.resultsflow.catalog.repository.OutboxEvent;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.catalog.repository.ProcessedEvent;
import org.resultsflow.catalog.repository.ProcessedEventRepository;
import org.resultsflow.catalog.repository.SourceDocumentRepository;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.catalog.service.CatalogEngine.Stored;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * Applies a batch of events in one transaction: the claims they carry, the canonical records they
 * change, an outbox row per change, and the ids of the events themselves, so that a redelivered batch
 * changes nothing. Round trips are per batch, not per value: one delete per document and record type,
 * batched inserts, one query for the claims and one for the stored records of all touched groups.
 */
@ApplicationScoped
public class CatalogUpdater {

    private static final Logger LOG = Logger.getLogger(CatalogUpdater.class);

    private final ProcessedEventRepository processedEvents;
    private final SourceDocumentRepository documents;
    private final ClaimRepository claims;
    private final CanonicalRecordRepository records;
    private final OutboxRepository outbox;
    private final ClaimMapper claimMapper;
    private final CatalogEngine engine;

    public CatalogUpdater(ProcessedEventRepository processedEvents, SourceDocumentRepository documents,
            ClaimRepository claims, CanonicalRecordRepository records, OutboxRepository outbox,
            ClaimMapper claimMapper, CatalogEngine engine) {
        this.processedEvents = processedEvents;
        this.documents = documents;
        this.claims = claims;
        this.records = records;
        this.outbox = outbox;
        this.claimMapper = claimMapper;
        this.engine = engine;
    }

    /** Applies the events; returns how many canonical records changed. */
    @WithTransaction
    public Uni<Integer> apply(List<? extends ReceivedEvent<?>> batch) {
        Instant now = Instant.now();
        return fresh(batch).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            ClaimMapper.Mapped mapped = claimMapper.map(events, now);
            Map<String, Set<Group>> touched = mapped.touched().stream()
                    .collect(Collectors.groupingBy(Group::type, TreeMap::new, Collectors.toCollection(TreeSet::new)));
            long started = System.nanoTime();
            return lock(mapped.touched())
                    .chain(() -> Multi.createFrom().iterable(mapped.documents().values())
                            .onItem().transformToUniAndConcatenate(document -> documents.remember(document, now))
                            .collect().asList())
                    .chain(() -> replace(mapped))
                    .chain(() -> mapped.claims().isEmpty() ? Uni.createFrom().voidItem() : claims.persist(mapped.claims()))
                    .chain(Panache::flush)
                    .chain(() -> loadClaims(touched))
                    .chain(all -> loadRecords(touched).chain(stored -> write(mapped.touched(), all, stored, now)))
                    .call(() -> markProcessed(events, now))
                    .invoke(changed -> LOG.debugf("Applied %d events: %d claims, %d groups, %d records changed in %d ms",
                            events.size(), mapped.claims().size(), mapped.touched().size(), changed,
                            (System.nanoTime() - started) / 1_000_000));
        });
    }

    /** The events of the batch not applied before, each once. */
    private <T extends ReceivedEvent<?>> Uni<List<T>> fresh(List<T> batch) {
        Map<String, T> unique = new LinkedHashMap<>();
        batch.forEach(event -> unique.putIfAbsent(event.id(), event));
        return processedEvents.alreadyProcessed(unique.keySet()).map(done -> {
            List<T> fresh = new ArrayList<>(unique.values());
            fresh.removeIf(event -> done.contains(event.id()));
            if (fresh.size() < batch.size()) {
                LOG.debugf("Skipping %d events already applied or repeated", batch.size() - fresh.size());
            }
            return fresh;
        });
    }

    /**
     * Serialises the recomputation of each group across transactions (and catalog instances): two
     * batches that touch one group, e.g. two indicators of one output on different partitions, must not
     * both compute from a claim set that lacks the other's claims. Locks are taken in one statement, in
     * group order, so two batches never wait for each other in a cycle.
     */
    private Uni<Void> lock(Set<Group> groups) {
        List<String> names = groups.stream().map(g -> g.type() + '/' + g.id()).sorted().distinct().toList();
        // One text parameter, split in SQL: a list parameter would need one placeholder per group.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(hashtextextended(s.g, 0)) as text) from "
                                + "(select g from unnest(string_to_array(cast(:groups as text), chr(1))) as t(g) order by g) s")
                .setParameter("groups", String.join("\u0001", names)).getResultList())
                .replaceWithVoid();
    }

    private Uni<Void> replace(ClaimMapper.Mapped mapped) {
        Map<List<String>, List<String>> subjects = mapped.replacements().stream().collect(Collectors.groupingBy(
                r -> List.of(r.documentId(), r.recordType()), LinkedHashMap::new,
                Collectors.mapping(ClaimMapper.Replacement::subject, Collectors.toList())));
        return Multi.createFrom().iterable(subjects.entrySet())
                .onItem().transformToUniAndConcatenate(e -> claims.deleteForDocument(e.getKey().get(0), e.getKey().get(1),
                        e.getValue()))
                .collect().asList().replaceWithVoid();
    }

    private Uni<List<Claim>> loadClaims(Map<String, Set<Group>> touched) {
        return Multi.createFrom().iterable(touched.entrySet())
                .onItem().transformToUniAndConcatenate(e -> claims.forGroups(e.getKey(),
                        e.getValue().stream().map(Group::id).toList()))
                .collect().asList()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<Map<String, CanonicalRecord>> loadRecords(Map<String, Set<Group>> touched) {
        return Multi.createFrom().iterable(touched.entrySet())
                .onItem().transformToUniAndConcatenate(e -> records.ofGroups(e.getKey(),
                        e.getValue().stream().map(Group::id).toList()))
                .collect().asList()
                .map(lists -> {
                    Map<String, CanonicalRecord> stored = new HashMap<>();
                    lists.stream().flatMap(List::stream).forEach(r ->
                            stored.put(CatalogEngine.recordKey(r.key.recordType(), r.key.recordId()), r));
                    return stored;
                });
    }

    private Uni<Integer> write(Set<Group> touched, List<Claim> all, Map<String, CanonicalRecord> stored, Instant now) {
        Map<Group, List<Claim>> byGroup = CatalogEngine.byGroup(all);
        List<Computed> computed = new ArrayList<>();
        for (Group group : touched) {
            computed.addAll(engine.compute(group, byGroup.getOrDefault(group, List.of())));
        }
        Map<String, Stored> states = new HashMap<>();
        stored.forEach((key, record) -> states.put(key, new Stored(record.version, record.state)));
        List<Change> changes = engine.changes(computed, states, now);
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return outbox.nextIds(changes.size()).chain(ids -> {
            List<CanonicalRecord> created = new ArrayList<>();
            List<OutboxEvent> events = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                Computed c = change.record();
                CanonicalRecord record = stored.get(CatalogEngine.recordKey(c.type(), c.id()));
                if (record == null) {
                    record = new CanonicalRecord();
                    record.key = new CanonicalRecord.Key(c.type(), c.id());
                    created.add(record);
                }
                record.version = change.version();
                record.office = c.office();
                record.planPeriod = c.planPeriod();
                record.parentId = c.parentId();
                record.outcomeId = c.outcomeId();
                record.mergedInto = c.mergedInto();
                record.conflicts = c.conflicts();
                record.state = c.state();
                record.updatedAt = now;
                OutboxEvent event = new OutboxEvent();
                event.id = ids.get(i);
                event.eventId = change.eventId();
                event.eventType = change.eventType();
                event.recordKey = change.eventKey();
                event.payload = change.payload();
                event.createdAt = now;
                events.add(event);
            }
            // Records loaded above are managed: their new state is flushed at commit; only new ones are persisted.
            Uni<Void> persisted = created.isEmpty() ? Uni.createFrom().voidItem() : records.persist(created);
            return persisted.chain(() -> outbox.persist(events)).replaceWith(changes.size());
        });
    }

    private <T extends ReceivedEvent<?>> Uni<Void> markProcessed(List<T> events, Instant now) {
        List<ProcessedEvent> rows = events.stream().map(e -> ProcessedEvent.of(e.id(), e.type(), now)).toList();
        return processedEvents.persist(rows);
    }
}
