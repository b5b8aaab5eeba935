package org.resultsflow.catalog.messaging;

import org.resultsflow.catalog.CatalogTests;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;

/**
 * Runs after every other test class of the suite and reads all of catalog.changes they caused: every
 * event must match its JSON Schema and the CloudEvents conventions of the AsyncAPI document, versions
 * must rise per key, and a subscriber folding the topic from the beginning must hold exactly what the
 * REST API shows.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE)
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ChangesContractTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final List<String> TYPES = List.of(EventTypes.CATALOG_OUTCOME, EventTypes.CATALOG_INDICATOR,
            EventTypes.CATALOG_BUDGET, EventTypes.CATALOG_FUNDING);

    @Inject
    ObjectMapper json;
    @Inject
    OutboxRepository outbox;

    @Test
    void everyPublishedChangeKeepsTheContractAndTheTopicFoldsIntoTheRestState() throws Exception {
        await().atMost(PATIENCE).until(() -> CatalogTests.await(outbox::unpublished) == 0);
        long written = CatalogTests.await(outbox::count);
        List<ConsumerRecord<String, String>> changes;
        try (EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers())) {
            changes = streams.readUntil("catalog.changes", records -> records.size() >= written, PATIENCE);
        }
        assertTrue(written > 100, "the suite published its changes: " + written);

        Map<String, JsonNode> latest = new TreeMap<>();
        Map<String, String> latestType = new HashMap<>();
        Map<String, Long> versions = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : changes) {
            String type = CloudEventRecords.type(record);
            String where = type + " " + record.key() + " @" + record.offset();
            assertTrue(TYPES.contains(type), where);
            assertEquals("1.0", CloudEventRecords.header(record, "ce_specversion"), where);
            assertEquals("/resultsflow/catalog-service", CloudEventRecords.header(record, "ce_source"), where);
            assertEquals(record.key(), CloudEventRecords.header(record, "ce_subject"), where);
            assertNotNull(CloudEventRecords.header(record, "ce_time"), where);
            JsonNode data = json.readTree(record.value());
            EventSchemas.violations(type, data).forEach(v -> violations.add(where + ": " + v));
            long version = data.get("version").asLong();
            assertEquals(CatalogEngine.eventId(type, record.key(), version), CloudEventRecords.header(record, "ce_id"), where);
            assertEquals(record.key(), keyOf(type, data), where);
            Long previous = versions.put(record.key(), version);
            assertTrue(previous == null || version > previous, where + " after version " + previous);
            latest.put(record.key(), data);
            latestType.put(record.key(), type);
        }
        assertEquals(List.of(), violations);

        // The subscriber's fold against the REST API, record type by record type.
        Map<String, JsonNode> outcomes = restPages("/api/outcomes");
        Map<String, JsonNode> indicators = restPages("/api/indicators");
        Map<String, JsonNode> budgets = restPages("/api/budgets");
        Map<String, JsonNode> fromTopic = new TreeMap<>();
        Map<String, JsonNode> fromTopicIndicators = new TreeMap<>();
        Map<String, JsonNode> fromTopicBudgets = new TreeMap<>();
        int redirects = 0;
        int fundings = 0;
        for (Map.Entry<String, JsonNode> entry : latest.entrySet()) {
            JsonNode data = entry.getValue();
            switch (latestType.get(entry.getKey())) {
                case EventTypes.CATALOG_OUTCOME -> fromTopic.put(entry.getKey(), data.get("outcome"));
                case EventTypes.CATALOG_BUDGET -> fromTopicBudgets.put(entry.getKey(), data.get("budget"));
                case EventTypes.CATALOG_INDICATOR -> {
                    if (data.get("indicator").isNull()) {
                        redirects++;
                        JsonNode target = json.readTree(given().get("/api/indicators/{id}", entry.getKey()).then()
                                .statusCode(200).extract().asString());
                        assertEquals(data.get("mergedInto").asText(), target.get("id").asText());
                    } else {
                        fromTopicIndicators.put(entry.getKey(), data.get("indicator"));
                    }
                }
                case EventTypes.CATALOG_FUNDING -> {
                    fundings++;
                    String outcomeId = data.get("outcomeId").asText();
                    JsonNode detail = json.readTree(given().get("/api/outcomes/{id}", outcomeId).then().statusCode(200)
                            .extract().asString());
                    assertEquals(data.get("funding"), detail.get("funding"), outcomeId);
                }
                default -> throw new AssertionError(entry.getKey());
            }
        }
        assertEquals(outcomes, fromTopic);
        assertEquals(indicators, fromTopicIndicators);
        assertEquals(budgets, fromTopicBudgets);
        assertTrue(redirects >= 38 && fundings >= 2, "merged-into and funding events were checked");
        System.out.printf("catalog.changes: %d events, %d keys, all valid; %d outcomes, %d indicators, %d merged-into, "
                + "%d budgets, %d funding tables equal to the REST API%n", changes.size(), latest.size(), outcomes.size(),
                indicators.size(), redirects, budgets.size(), fundings);
    }

    private static String keyOf(String type, JsonNode data) {
        return switch (type) {
            case EventTypes.CATALOG_OUTCOME -> data.get("outcomeId").asText();
            case EventTypes.CATALOG_INDICATOR -> data.get("indicatorId").asText();
            case EventTypes.CATALOG_BUDGET -> data.get("budgetId").asText();
            case EventTypes.CATALOG_FUNDING -> CatalogEngine.fundingKey(data.get("outcomeId").asText());
            default -> throw new AssertionError(type);
        };
    }

    /** Every record a paged list endpoint has, by id. */
    private Map<String, JsonNode> restPages(String path) throws Exception {
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
