package org.resultsflow.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;

class EventDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConsumerRecord<String, String> record(String id, String type, String value) {
        return record("results.outcomes", id, type, value);
    }

    static ConsumerRecord<String, String> record(String topic, String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 7L, "key", value);
        if (id != null) {
            record.headers().add(CloudEventRecords.ID, id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add(CloudEventRecords.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    /** A decoder of results.outcomes, the topic {@link #record(String, String, String)} puts records on. */
    static <T> EventDecoder<T> outcomesOnly(Class<T> dataType, String type) {
        return EventDecoder.oneTypePerTopic(Map.of("results.outcomes", type), Map.of(type, dataType), JSON);
    }

    private static String reason(Decoded<?> decoded) {
        return assertInstanceOf(Decoded.Poison.class, decoded).reason();
    }

    @Test
    void aRecordWithoutItsHeadersOrDataIsPoison() {
        EventDecoder<JsonNode> decoder = outcomesOnly(JsonNode.class, EventTypes.OUTCOME_REPORTED);
        assertTrue(reason(decoder.decode(record(null, EventTypes.OUTCOME_REPORTED, "{}"))).contains("ce_id"));
        assertTrue(reason(decoder.decode(record("1", EventTypes.OUTCOME_REPORTED, " "))).contains("no data"));
        assertTrue(reason(decoder.decode(record("1", EventTypes.OUTCOME_REPORTED, "{ not json"))).contains("not JSON"));
    }

    @Test
    void anotherTypeIsPoisonOnATopicOfOneTypeAndSkippedOnAnOpenOne() {
        ConsumerRecord<String, String> budget = record("1", EventTypes.BUDGET_REPORTED, "{}");
        assertTrue(reason(outcomesOnly(JsonNode.class, EventTypes.OUTCOME_REPORTED).decode(budget))
                .contains("unexpected event type"));
        assertInstanceOf(Decoded.Ignored.class,
                EventDecoder.<Object>of(Map.of(EventTypes.CATALOG_OUTCOME, JsonNode.class), JSON).decode(budget));
    }

    @Test
    void aDecoderOfSeveralTopicsTakesOnEachTopicItsOwnTypeOnly() {
        EventDecoder<Object> decoder = EventDecoder.oneTypePerTopic(
                Map.of("results.outcomes", EventTypes.OUTCOME_REPORTED, "results.budgets", EventTypes.BUDGET_REPORTED),
                Map.of(EventTypes.OUTCOME_REPORTED, JsonNode.class, EventTypes.BUDGET_REPORTED, JsonNode.class), JSON);
        // past the type check: judged by the budget's own schema
        assertTrue(reason(decoder.decode(record("results.budgets", "1", EventTypes.BUDGET_REPORTED, "{}")))
                .startsWith("data violates the schema of " + EventTypes.BUDGET_REPORTED));
        assertTrue(reason(decoder.decode(record("results.outcomes", "2", EventTypes.BUDGET_REPORTED, "{}")))
                .startsWith("unexpected event type " + EventTypes.BUDGET_REPORTED + " on results.outcomes, which carries "
                        + EventTypes.OUTCOME_REPORTED));
        assertTrue(reason(decoder.decode(record("results.outcomes", "3", EventTypes.CATALOG_OUTCOME, "{}")))
                .startsWith("unexpected event type " + EventTypes.CATALOG_OUTCOME));
    }

    @Test
    void schemaViolationsAreNamedFiveAtMostWithinTwoThousandCharacters() {
        String reason = reason(outcomesOnly(JsonNode.class, EventTypes.OUTCOME_REPORTED)
                .decode(record("1", EventTypes.OUTCOME_REPORTED, "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7}")));
        assertTrue(reason.startsWith("data violates the schema of " + EventTypes.OUTCOME_REPORTED), reason);
        assertTrue(reason.split("; ").length <= EventDecoder.MAX_VIOLATIONS, reason);
        assertTrue(reason.length() <= EventDecoder.MAX_REASON, reason);
        assertEquals(EventDecoder.MAX_REASON, EventDecoder.cut("x".repeat(5000)).length());
    }
}
