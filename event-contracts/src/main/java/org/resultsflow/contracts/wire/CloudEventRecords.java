package org.resultsflow.contracts.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The wire form of every resultsflow event: a Kafka record in CloudEvents binary mode ({@code ce_id},
 * {@code ce_type}, {@code ce_source}, {@code ce_subject}, {@code ce_time} headers), JSON data, and the
 * entity identity as key.
 */
public final class CloudEventRecords {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";

    private CloudEventRecords() {
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The event's type, or null when the record carries none. */
    public static String type(ConsumerRecord<?, ?> record) {
        return header(record, TYPE);
    }

    public static <T> ReceivedEvent<T> decode(ConsumerRecord<String, String> record, Class<T> dataType, ObjectMapper json)
            throws InvalidEventException {
        String id = header(record, ID);
        String type = header(record, TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new InvalidEventException("record has no ce_id or ce_type header");
        }
        if (record.value() == null || record.value().isBlank()) {
            throw new InvalidEventException("record of type " + type + " has no data");
        }
        try {
            T data = json.readValue(record.value(), dataType);
            if (data == null) {
                throw new InvalidEventException("record of type " + type + " has null data");
            }
            return new ReceivedEvent<>(id, type, data);
        } catch (IOException e) {
            throw new InvalidEventException("data is not a valid " + type + ": " + e.getMessage());
        }
    }
}
