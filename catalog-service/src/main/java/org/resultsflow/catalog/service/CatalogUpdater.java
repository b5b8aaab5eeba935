package org.resultsflow.catalog.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
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
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.repository.ClaimRepository;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.catalog.repository.OutboxRepository.NewEvent;
import org.resultsflow.catalog.repository.ProcessedEvent;
import org.resultsflow.catalog.repository.ProcessedEventRepository;
import org.resultsflow.catalog.repository.SourceDocumentRepository;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.catalog.service.CatalogEngine.Snapshot;
import org.resultsflow.catalog.service.CatalogEngine.Stored;
import org.resultsflow.catalog.service.CatalogEngine.Update;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * Applies a batch of events in one transaction: loads what the batch touches, lets {@link CatalogEngine}
 * compute the result, and saves it — the claims, the canonical records they change, an outbox row per
 * change, and the ids of the events themselves, so that a redelivered batch changes nothing. Round trips
 * are per batch, not per value: one query for the claims and one for the stored records of all touched
 * groups, whatever their types, and one set-based statement for each table written. Nothing is a managed
 * entity: the session holds, snapshots and flushes nothing, so a batch costs its rows and no bookkeeping per row.
 */
@ApplicationScoped
public class CatalogUpdater {

    private static final Logger LOG = Logger.getLogger(CatalogUpdater.class);

    private final ProcessedEventRepository processedEvents;
    private final SourceDocumentRepository documents;
    private final ClaimRepository claims;
    private final CanonicalRecordRepository records;
    private final OutboxRepository outbox;
    private final CatalogEngine engine;
    private final CatalogMetrics metrics;

    public CatalogUpdater(ProcessedEventRepository processedEvents, SourceDocumentRepository documents,
            ClaimRepository claims, CanonicalRecordRepository records, OutboxRepository outbox, CatalogEngine engine,
            CatalogMetrics metrics) {
        this.processedEvents = processedEvents;
        this.documents = documents;
        this.claims = claims;
        this.records = records;
        this.outbox = outbox;
        this.engine = engine;
        this.metrics = metrics;
    }

    /** Applies the events; returns how many canonical records changed. */
    @WithTransaction
    public Uni<Integer> apply(List<? extends ReceivedEvent<?>> batch) {
        return apply(batch, ChangeOrigin.NONE);
    }

    /** Applies the events, their changes announced as coming from {@code origin}. */
    @WithTransaction
    public Uni<Integer> apply(List<? extends ReceivedEvent<?>> batch, ChangeOrigin origin) {
        Instant now = Instant.now();
        return fresh(batch).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            ClaimMapper.Mapped mapped = engine.read(events, now);
            Map<RecordType, Set<String>> touched = mapped.touched().stream().collect(Collectors.groupingBy(Group::type,
                    TreeMap::new, Collectors.mapping(Group::id, Collectors.toCollection(TreeSet::new))));
            long started = System.nanoTime();
            return lock(mapped.touched())
                    .chain(() -> claims.forGroups(touched))
                    .chain(stored -> loadRecords(touched).chain(states ->
                            save(engine.apply(mapped, new Snapshot(stored, states), now), events, now, origin)))
                    .invoke(() -> metrics.claimsApplied(mapped.claims().size()))
                    .invoke(changed -> LOG.debugf("Applied %d events: %d claims, %d groups, %d records changed in %d ms",
                            events.size(), mapped.claims().size(), mapped.touched().size(), changed,
                            (System.nanoTime() - started) / 1_000_000));
        });
    }

    /** The events of the batch not applied before. */
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
     * group order, so two batches never wait for each other in a cycle; the snapshot is loaded after.
     */
    private Uni<Void> lock(Set<Group> groups) {
        List<String> names = groups.stream().map(g -> g.type().value() + '/' + g.id()).sorted().distinct().toList();
        // One text parameter, split in SQL: a list parameter would need one placeholder per group.
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select cast(pg_advisory_xact_lock(hashtextextended(s.g, 0)) as text) from "
                                + "(select g from unnest(string_to_array(cast(:groups as text), chr(1))) as t(g) order by g) s")
                .setParameter("groups", String.join("\u0001", names)).getResultList())
                .replaceWithVoid();
    }

    /** The stored records of the touched groups, by {@link CatalogEngine#recordKey}. */
    private Uni<Map<String, Stored>> loadRecords(Map<RecordType, Set<String>> touched) {
        return records.ofGroups(touched).map(list -> {
            Map<String, Stored> stored = new HashMap<>();
            list.forEach(r -> stored.put(CatalogEngine.recordKey(RecordType.of(r.recordType()), r.recordId()),
                    new Stored(r.version(), r.state())));
            return stored;
        });
    }

    /**
     * Documents last: claims check them at commit, and a new document's row stays locked from its insert until the
     * commit, which the batches of the other ingest topics bringing the same document wait for.
     */
    private Uni<Integer> save(Update update, List<? extends ReceivedEvent<?>> events, Instant now, ChangeOrigin origin) {
        return claims.deleteReplaced(update.replaced())
                .chain(() -> claims.insert(update.inserted()))
                .chain(() -> saveChanges(update.changes(), now, origin))
                .call(() -> markProcessed(events, now))
                .call(() -> documents.remember(update.documents().values(), now));
    }

    private Uni<Integer> saveChanges(List<Change> changes, Instant now, ChangeOrigin origin) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        metrics.recordsChanged(changes);
        return outbox.nextIds(changes.size()).chain(ids -> {
            List<CanonicalRecord> changed = new ArrayList<>(changes.size());
            List<NewEvent> events = new ArrayList<>(changes.size());
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                Computed c = change.record();
                CanonicalRecord record = new CanonicalRecord();
                record.key = new CanonicalRecord.Key(c.type().value(), c.id());
                record.version = change.version();
                record.office = c.office();
                record.planPeriod = c.planPeriod();
                record.parentId = c.parentId();
                record.outcomeId = c.outcomeId();
                record.mergedInto = c.mergedInto();
                record.conflicts = c.conflicts();
                record.state = c.state();
                record.updatedAt = now;
                changed.add(record);
                events.add(new NewEvent(ids.get(i), change.eventId(), change.eventType(), change.eventKey(),
                        change.envelope(), record.key.recordType(), record.key.recordId(), change.stateField(), now,
                        origin.traceparent(), origin.ingestedAt()));
            }
            return records.upsert(changed).chain(() -> outbox.insert(events)).replaceWith(changes.size());
        });
    }

    private <T extends ReceivedEvent<?>> Uni<Void> markProcessed(List<T> events, Instant now) {
        return processedEvents.insert(events.stream().map(e -> ProcessedEvent.of(e.id(), e.type(), now)).toList());
    }
}
