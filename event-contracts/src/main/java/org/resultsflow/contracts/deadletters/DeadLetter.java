package org.resultsflow.contracts.deadletters;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.wire.CloudEventRecords;

/**
 * A record a consumer set aside, as its service keeps it (table {@code dead_letter}) and the admin API lists it:
 * where it was read, the record as received, why it was set aside, and whether it was replayed since.
 *
 * @param reason why it was set aside, or why its last replay refused it again
 * @param replayedAt when a replay applied it; null while it waits
 */
public record DeadLetter(long id, String topic, int partition, long offset, String key, String eventId,
        String eventType, List<Header> headers, String payload, String reason, Instant setAsideAt, Instant replayedAt) {

    /** One header of the record, its value read as UTF-8 (CloudEvents and trace headers are text). */
    public record Header(String name, String value) {
    }

    /** Waiting for a replay, or applied by one. */
    public enum State { PENDING, REPLAYED }

    public DeadLetter {
        headers = List.copyOf(headers);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Header>> HEADERS = new TypeReference<>() {
    };

    @JsonProperty("state")
    public State state() {
        return replayedAt == null ? State.PENDING : State.REPLAYED;
    }

    /** The record's headers in their order, repeated names included, as the consumer received them. */
    public static List<Header> headersOf(ConsumerRecord<?, ?> record) {
        List<Header> headers = new ArrayList<>();
        record.headers().forEach(h -> headers.add(new Header(h.key(),
                h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8))));
        return headers;
    }

    /** The event id the record carries ({@code ce_id}), null when it has none. */
    public static String eventIdOf(ConsumerRecord<?, ?> record) {
        return CloudEventRecords.header(record, CloudEventRecords.ID);
    }

    /** The record again, as it was read: what a replay sends through the consumer. */
    public ConsumerRecord<String, String> record() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, partition, offset, key, payload);
        headers.forEach(h -> record.headers().add(h.name(), h.value() == null ? null : h.value().getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** The headers as stored: a JSON array of {name, value}. */
    public static String headersJson(List<Header> headers) {
        try {
            return JSON.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Header> headersFromJson(String json) {
        try {
            return JSON.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("dead-letter headers are not the JSON they were stored as", e);
        }
    }

    /**
     * Text as a database's text column takes it: PostgreSQL refuses the NUL character, which a record's key or a
     * header of a broken producer may hold; it becomes U+FFFD. (Payloads are kept in bytes, whole.)
     */
    public static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }
}
