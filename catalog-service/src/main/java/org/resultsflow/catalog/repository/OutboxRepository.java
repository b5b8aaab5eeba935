package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** An unpublished event as the relay sends it: its payload the stored JSON text, never parsed here. */
    public record Pending(long id, String eventId, String eventType, String recordKey, String payload, Instant createdAt,
            String traceparent, Instant ingestedAt) {
    }

    /**
     * The oldest unpublished events, in id order, locked so that no other relay instance publishes them too.
     * Tuples, not managed entities (times as epoch microseconds, exact and free of the session's time zone).
     */
    public Uni<List<Pending>> lockOldestUnpublished(int limit) {
        return getSession().chain(session -> session.createNativeQuery("""
                        select id, event_id, event_type, record_key, cast(payload as text),
                            cast(extract(epoch from created_at) * 1000000 as bigint), traceparent,
                            cast(extract(epoch from ingested_at) * 1000000 as bigint)
                        from outbox_event where published_at is null order by id limit :limit for update""", Object[].class)
                .setParameter("limit", (long) limit).getResultList())
                .map(rows -> rows.stream().map(r -> new Pending(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        (String) r[3], (String) r[4], instant(r[5]), (String) r[6], instant(r[7]))).toList());
    }

    private static Instant instant(Object epochMicros) {
        return epochMicros == null ? null : Instant.EPOCH.plus(((Number) epochMicros).longValue(), ChronoUnit.MICROS);
    }

    /** Marks these events published at this instant, each with its position in publication order. */
    public Uni<Void> markPublished(List<Long> ids, List<Long> positions, Instant at) {
        return JsonRows.write(IntStream.range(0, ids.size()).boxed().toList(), (json, i) -> {
            json.writeNumberField("id", ids.get(i));
            json.writeNumberField("seq", positions.get(i));
            json.writeStringField("published_at", at.toString());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        update outbox_event o set published_at = r.published_at, published_seq = r.seq
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as r(id bigint, seq bigint, published_at timestamptz)
                        where o.id = r.id""")
                .setParameter("rows", rows).executeUpdate()));
    }

    /**
     * An event to write, with the id {@link #nextIds} gave it. Its data is {@code envelope} with the state of canonical
     * record ({@code recordType}, {@code recordId}) under {@code stateField}, taken from that row by the insert: the
     * record is written first in the same transaction, and its state, most of an event, is then not sent to
     * PostgreSQL and parsed by it a second time. No {@code stateField}: the envelope is the whole data.
     */
    public record NewEvent(long id, String eventId, String eventType, String recordKey, JsonNode envelope,
            String recordType, String recordId, String stateField, Instant createdAt, String traceparent,
            Instant ingestedAt) {
    }

    /**
     * Writes new events. A state field whose record is missing makes the payload null, which the column refuses:
     * an event is never written without the state it announces.
     */
    public Uni<Void> insert(List<NewEvent> events) {
        return JsonRows.write(events, OutboxRepository::write, rows -> getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, event_id, event_type, record_key, payload, created_at, traceparent,
                            ingested_at)
                        select e.id, e.event_id, e.event_type, e.record_key,
                            case when e.state_field is null then e.envelope
                                when r.state is not null then e.envelope || jsonb_build_object(e.state_field, r.state) end,
                            e.created_at, e.traceparent, e.ingested_at
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as e(id bigint, event_id text, event_type text, record_key text, envelope jsonb,
                            record_type text, record_id text, state_field text, created_at timestamptz, traceparent text,
                            ingested_at timestamptz)
                        left join canonical_record r on r.record_type = e.record_type and r.record_id = e.record_id""")
                .setParameter("rows", rows).executeUpdate()));
    }

    private static void write(JsonGenerator json, NewEvent e) throws IOException {
        json.writeNumberField("id", e.id());
        json.writeStringField("event_id", e.eventId());
        json.writeStringField("event_type", e.eventType());
        json.writeStringField("record_key", e.recordKey());
        json.writeFieldName("envelope");
        json.writeTree(e.envelope());
        json.writeStringField("record_type", e.recordType());
        json.writeStringField("record_id", e.recordId());
        json.writeStringField("state_field", e.stateField());
        json.writeStringField("created_at", e.createdAt().toString());
        json.writeStringField("traceparent", e.traceparent());
        json.writeStringField("ingested_at", e.ingestedAt() == null ? null : e.ingestedAt().toString());
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
