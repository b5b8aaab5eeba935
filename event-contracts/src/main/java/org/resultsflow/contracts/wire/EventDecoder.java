package org.resultsflow.contracts.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.resultsflow.contracts.EventSchemas;

/**
 * The one way every consumer reads a record: CloudEvents {@code ce_id} and {@code ce_type} headers, a type
 * the topic carries, JSON data that meets its type's schema and binds to its class. A record failing any of
 * these is poison, with a reason of at most {@value #MAX_REASON} characters naming at most
 * {@value #MAX_VIOLATIONS} schema violations (enough to fix the producer, not so many that one record
 * floods the dead letters).
 *
 * @param <T> the common type of the data classes
 */
public final class EventDecoder<T> {

    public static final int MAX_REASON = 2000;
    public static final int MAX_VIOLATIONS = 5;

    private final Map<String, Class<? extends T>> types;
    private final boolean otherTypesArePoison;
    /** The one type each topic carries, where one decoder reads several topics; empty otherwise. */
    private final Map<String, String> typeOfTopic;
    private final ObjectMapper json;

    private EventDecoder(Map<String, Class<? extends T>> types, boolean otherTypesArePoison,
            Map<String, String> typeOfTopic, ObjectMapper json) {
        this.types = Map.copyOf(types);
        this.otherTypesArePoison = otherTypesArePoison;
        this.typeOfTopic = Map.copyOf(typeOfTopic);
        this.json = json;
    }

    /**
     * A decoder for topics that each carry exactly one type, read by one consumer or several: any other type on a
     * topic is poison (a type on the wrong topic is out of order with its key's other events).
     *
     * @param typeOfTopic the type each topic carries
     */
    public static <T> EventDecoder<T> oneTypePerTopic(Map<String, String> typeOfTopic,
            Map<String, Class<? extends T>> types, ObjectMapper json) {
        if (!types.keySet().containsAll(typeOfTopic.values())) {
            throw new IllegalArgumentException("topics carry " + typeOfTopic.values() + ", classes are for " + types.keySet());
        }
        return new EventDecoder<>(types, true, typeOfTopic, json);
    }

    /**
     * A decoder for a topic that carries these types and may carry more in future: records of other types
     * are {@link Decoded.Ignored}, so a new producer type does not fill the dead letters.
     */
    public static <T> EventDecoder<T> of(Map<String, Class<? extends T>> types, ObjectMapper json) {
        return new EventDecoder<>(types, false, Map.of(), json);
    }

    public Decoded<T> decode(ConsumerRecord<String, String> record) {
        String id = CloudEventRecords.header(record, CloudEventRecords.ID);
        String type = CloudEventRecords.type(record);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            return new Decoded.Poison<>(record, "record has no ce_id or ce_type header");
        }
        String carried = typeOfTopic.get(record.topic());
        Class<? extends T> dataType = carried == null || carried.equals(type) ? types.get(type) : null;
        if (dataType == null) {
            return otherTypesArePoison
                    ? new Decoded.Poison<>(record, cut("unexpected event type " + type + " on " + record.topic()
                            + ", which carries " + (carried != null ? carried : String.join(", ", types.keySet()))))
                    : new Decoded.Ignored<>(record);
        }
        if (record.value() == null || record.value().isBlank()) {
            return new Decoded.Poison<>(record, "record of type " + type + " has no data");
        }
        JsonNode data;
        try {
            data = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            return new Decoded.Poison<>(record, cut("data is not JSON: " + e.getOriginalMessage()));
        }
        List<String> violations = EventSchemas.violations(type, data);
        if (!violations.isEmpty()) {
            String shown = String.join("; ", violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
            String more = violations.size() > MAX_VIOLATIONS ? " (and " + (violations.size() - MAX_VIOLATIONS) + " more)" : "";
            return new Decoded.Poison<>(record, cut("data violates the schema of " + type + ": " + shown + more));
        }
        try {
            T value = json.treeToValue(data, dataType);
            if (value == null) {
                return new Decoded.Poison<>(record, "record of type " + type + " has null data");
            }
            return new Decoded.Event<>(record, new ReceivedEvent<>(id, type, value));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Decoded.Poison<>(record, cut("data is not a valid " + type + ": " + e.getMessage()));
        }
    }

    /** A reason within {@value #MAX_REASON} characters. */
    public static String cut(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
