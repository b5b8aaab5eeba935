package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * A catalog change waiting for (or done with) publication on catalog.changes. Written by OutboxRepository#insert
 * and marked published by OutboxRepository#markPublished, both set-based statements; the entity maps the table.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /**
     * From outbox_event_id_seq, taken for a whole batch in one query (see OutboxRepository#nextIds). Ids
     * are taken one by one from the sequence, never in pre-allocated blocks: a later change of a record is
     * written after the earlier one committed, so it always gets the larger id and the relay, which
     * publishes in id order, keeps each key's changes in order.
     */
    @Id
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "record_key")
    public String recordKey;

    /** The event's data, always a JSON object. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(read = "cast(payload as text)", write = "cast(cast(? as text) as jsonb)")
    @Convert(converter = JsonText.class)
    @Mutability(Immutability.class)
    public JsonNode payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Position in publication order: the change feed's cursor; null until published. */
    @Column(name = "published_seq")
    public Long publishedSeq;

    /** W3C trace context of the work that wrote the change; the relay's publish continues it. */
    public String traceparent;

    /** When the earliest document behind the change was ingested; reporting measures freshness from it. */
    @Column(name = "ingested_at")
    public Instant ingestedAt;
}
