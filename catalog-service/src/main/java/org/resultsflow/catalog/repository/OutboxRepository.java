package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The oldest unpublished events, locked so that no other relay instance publishes them too. */
    public Uni<List<OutboxEvent>> lockOldestUnpublished(int limit) {
        return find("publishedAt is null order by id").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** Writes new events, with the ids they were given by {@link #nextIds}. */
    public Uni<Void> insert(List<OutboxEvent> events) {
        return JsonRows.write(events, OutboxRepository::write, text -> getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, event_id, event_type, record_key, payload, created_at, traceparent,
                            ingested_at)
                        select id, event_id, event_type, record_key, payload, created_at, traceparent, ingested_at
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                            as r(id bigint, event_id text, event_type text,
                            record_key text, payload jsonb, created_at timestamptz, traceparent text, ingested_at timestamptz)""")
                .setParameter("rows", text).executeUpdate()));
    }

    private static void write(JsonGenerator json, OutboxEvent e) throws IOException {
        json.writeNumberField("id", e.id);
        json.writeStringField("event_id", e.eventId);
        json.writeStringField("event_type", e.eventType);
        json.writeStringField("record_key", e.recordKey);
        json.writeFieldName("payload");
        json.writeTree(e.payload);
        json.writeStringField("created_at", e.createdAt.toString());
        json.writeStringField("traceparent", e.traceparent);
        json.writeStringField("ingested_at", e.ingestedAt == null ? null : e.ingestedAt.toString());
    }

    /** {@code count} ids of the outbox sequence in one round trip, ascending. */
    public Uni<List<Long>> nextIds(int count) {
        return next("outbox_event_id_seq", count);
    }

    /** {@code count} positions in publication order, ascending: taken by the relay as it marks rows published. */
    public Uni<List<Long>> nextPublicationSeqs(int count) {
        return next("outbox_publication_seq", count);
    }

    private Uni<List<Long>> next(String sequence, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select nextval('" + sequence + "') from generate_series(1, :n)", Long.class)
                .setParameter("n", count).getResultList())
                .map(ids -> ids.stream().sorted().toList());
    }

    /**
     * Deletes up to {@code limit} rows published before this instant, oldest first; returns how many. An
     * unpublished row is never deleted, however old.
     */
    public Uni<Integer> deletePublishedBefore(Instant before, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "delete from outbox_event where id in (select id from outbox_event where published_at < :before "
                                + "order by published_at limit :limit)")
                .setParameter("before", before).setParameter("limit", (long) limit).executeUpdate());
    }

    public Uni<Long> unpublished() {
        return count("publishedAt is null");
    }
}
