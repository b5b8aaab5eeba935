package org.resultsflow.examples.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.SharedInfrastructure;

/**
 * The sample subscriber against a real broker: it reads catalog.changes from the beginning, keeps the latest
 * state of each indicator, ignores other types and older versions, and after a restart reads only what is new.
 */
class IndicatorSubscriberTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void foldsTheTopicIntoItsTableAndResumesAfterARestart() throws Exception {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "SUB_" + run + "_A";
        String b = "SUB_" + run + "_B";
        EventStreams streams = EventStreams.shared();
        streams.send(IndicatorSubscriber.TOPIC, a, "a1", IndicatorSubscriber.INDICATOR_TYPE, indicator(a, 1, "first"));
        streams.send(IndicatorSubscriber.TOPIC, a, "a2", IndicatorSubscriber.INDICATOR_TYPE, indicator(a, 2, "second"));
        streams.send(IndicatorSubscriber.TOPIC, "XM-DAC-41146-" + run, "o1", "catalog.outcome.v1",
                "{\"outcomeId\":\"XM-DAC-41146-" + run + "\",\"version\":1}");

        Properties client = new Properties();
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        client.put(ConsumerConfig.GROUP_ID_CONFIG, "sample-subscriber-" + run);
        Path table = dir.resolve("indicators.json");
        try (IndicatorSubscriber subscriber = new IndicatorSubscriber(client, table)) {
            subscriber.run(rows -> rows.containsKey(a) && rows.get(a).path("version").asLong() == 2);
        }
        assertEquals("second", statement(table, a));

        // While it is down: a newer version of one indicator, a new one, and a replay of an old event.
        streams.send(IndicatorSubscriber.TOPIC, a, "a3", IndicatorSubscriber.INDICATOR_TYPE, indicator(a, 3, "third"));
        streams.send(IndicatorSubscriber.TOPIC, a, "a1", IndicatorSubscriber.INDICATOR_TYPE, indicator(a, 1, "first"));
        streams.send(IndicatorSubscriber.TOPIC, b, "b1", IndicatorSubscriber.INDICATOR_TYPE, indicator(b, 1, "other"));

        try (IndicatorSubscriber restarted = new IndicatorSubscriber(client, table)) {
            restarted.run(rows -> rows.containsKey(b));
            // Resumed from its committed offsets: only the two newer events changed anything.
            assertEquals(2, restarted.applied());
        }
        assertEquals("third", statement(table, a));
        assertEquals("other", statement(table, b));
        assertEquals(2, JSON.readTree(table.toFile()).size(), "indicators only, one row each");
    }

    private static String indicator(String id, long version, String statement) {
        return "{\"indicatorId\":\"" + id + "\",\"version\":" + version + ",\"indicator\":{\"id\":\"" + id
                + "\",\"statement\":\"" + statement + "\"}}";
    }

    private static String statement(Path table, String id) throws Exception {
        JsonNode rows = JSON.readTree(Files.readString(table));
        return rows.path(id).path("indicator").path("statement").asText();
    }
}
