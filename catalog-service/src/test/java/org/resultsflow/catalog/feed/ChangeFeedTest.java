package org.resultsflow.catalog.feed;

import org.resultsflow.catalog.CatalogTests;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;

/**
 * Runs after the suite's other tests (before the topic contract test) and follows the HTTP change feed from the
 * start: it holds exactly the events of catalog.changes, in each key's order, and a subscriber folding it ends
 * with the state the REST API serves. Also checks the relay's publishes continue the traces of the batches that
 * wrote the changes, and that every domain metric of catalog is exported.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ChangeFeedTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ObjectMapper json;
    @Inject
    OutboxRepository outbox;
    @Inject
    InMemorySpanExporter spans;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void theFeedIsTheTopicAndFoldsIntoTheRestState() throws Exception {
        await().atMost(PATIENCE).until(() -> CatalogTests.await(outbox::unpublished) == 0);
        long written = CatalogTests.await(outbox::count);
        List<JsonNode> feed = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = json.readTree(given().queryParam("after", cursor).queryParam("limit", 1000)
                    .get("/api/changes").then().statusCode(200).extract().asString());
            page.get("events").forEach(feed::add);
            if (page.get("events").isEmpty()) {
                break;
            }
            cursor = page.get("next").asText();
        }
        assertEquals(written, feed.size(), "every published change is in the feed");

        List<ConsumerRecord<String, String>> topic;
        try (EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers())) {
            topic = streams.readUntil("catalog.changes", records -> records.size() >= written, PATIENCE);
        }
        // Same events, and per key (the topic's unit of order) the same sequence.
        Map<String, List<String>> topicOrder = new HashMap<>();
        Map<String, JsonNode> topicById = new HashMap<>();
        for (ConsumerRecord<String, String> record : topic) {
            String id = CloudEventRecords.header(record, "ce_id");
            topicOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(id);
            topicById.put(id, json.readTree(record.value()));
            String traceparent = CloudEventRecords.header(record, "traceparent");
            assertTrue(traceparent != null, "the relay's publish carries trace context: " + id);
        }
        Map<String, List<String>> feedOrder = new HashMap<>();
        for (JsonNode event : feed) {
            String id = event.get("id").asText();
            feedOrder.computeIfAbsent(event.get("subject").asText(), k -> new ArrayList<>()).add(id);
            assertEquals(topicById.get(id), event.get("data"), id);
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/resultsflow/catalog-service", event.get("source").asText());
        }
        assertEquals(topicOrder, feedOrder);

        // The subscriber's fold: the latest event per subject is the record's state.
        Map<String, JsonNode> latest = new TreeMap<>();
        feed.forEach(event -> latest.put(event.get("type").asText() + " " + event.get("subject").asText(), event.get("data")));
        Map<String, JsonNode> outcomes = new TreeMap<>();
        Map<String, JsonNode> budgets = new TreeMap<>();
        Map<String, JsonNode> indicators = new TreeMap<>();
        latest.forEach((key, data) -> {
            if (key.startsWith(EventTypes.CATALOG_OUTCOME + " ")) {
                outcomes.put(data.get("outcomeId").asText(), data.get("outcome"));
            } else if (key.startsWith(EventTypes.CATALOG_BUDGET + " ")) {
                budgets.put(data.get("budgetId").asText(), data.get("budget"));
            } else if (key.startsWith(EventTypes.CATALOG_INDICATOR + " ") && !data.get("indicator").isNull()) {
                indicators.put(data.get("indicatorId").asText(), data.get("indicator"));
            }
        });
        assertEquals(rest("/api/outcomes"), outcomes);
        assertEquals(rest("/api/budgets"), budgets);
        assertEquals(rest("/api/indicators"), indicators);

        // Server-Sent Events resume after Last-Event-ID with the next events of the feed.
        int from = feed.size() - 3;
        List<String> streamed = sse(feed.get(from - 1).get("cursor").asText(), 3);
        assertEquals(feed.subList(from, feed.size()).stream().map(e -> e.get("cursor").asText()).toList(), streamed);

        // The relay continued the trace the consuming batch started (both spans are catalog's).
        String traceId = CloudEventRecords.header(topic.get(topic.size() - 1), "traceparent").split("-")[1];
        await().atMost(PATIENCE).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId)).map(s -> s.getName()).distinct().count() >= 2);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (DomainMetric metric : DomainMetric.values()) {
            if (metric.services().contains(DomainMetric.Service.CATALOG)) {
                metric.prometheusNames().forEach(name -> assertTrue(metrics.lines()
                        .anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " ")), name + " is exported"));
            }
        }
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("resultsflow_consumer_lag{") && !l.contains("NaN")),
                "consumer lag has real values");
        System.out.printf("change feed: %d events, equal to catalog.changes, folding into %d outcomes, %d indicators, "
                + "%d budgets as the REST API serves them%n", feed.size(), outcomes.size(), indicators.size(), budgets.size());
    }

    private List<String> sse(String lastEventId, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/changes"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        List<String> ids = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && ids.size() < count; line = lines.readLine()) {
                if (line.startsWith("id:")) {
                    ids.add(line.substring(3).trim());
                }
            }
        }
        return ids;
    }

    private Map<String, JsonNode> rest(String path) throws Exception {
        Map<String, JsonNode> all = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = json.readTree(given().queryParam("page", page).queryParam("size", 500).get(path).then()
                    .statusCode(200).extract().asString());
            items.forEach(item -> all.put(item.get("id").asText(), item));
            if (items.size() < 500) {
                return all;
            }
        }
    }
}
