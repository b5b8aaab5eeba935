package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.resultsflow.contracts.deadletters.DeadLetter;

/** A record a consumer set aside, kept for the dead-letter API (see V7__dead_letters.sql). */
@Entity
@Table(name = "dead_letter")
public class DeadLetterEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "partition_no")
    public int partitionNo;

    @Column(name = "record_offset")
    public long recordOffset;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** JSON, see {@link DeadLetter#headersJson}. */
    public String headers;

    public byte[] payload;

    public String reason;

    @Column(name = "set_aside_at")
    public Instant setAsideAt;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    public DeadLetter letter() {
        return new DeadLetter(id, topic, partitionNo, recordOffset, recordKey, eventId, eventType, DeadLetter.headersFromJson(headers),
                payload == null ? null : new String(payload, StandardCharsets.UTF_8), reason, setAsideAt, replayedAt);
    }
}
