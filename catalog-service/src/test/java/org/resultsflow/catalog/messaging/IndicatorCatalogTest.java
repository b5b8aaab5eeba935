package org.resultsflow.catalog.messaging;

import org.resultsflow.catalog.Seeds;
import org.resultsflow.catalog.CatalogTests;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * Indicator merge rules over the broker with small synthetic documents: a codeless indicator seen first
 * and merged later, a marker that never erases a known value, conflicts, history; and poison records on
 * the indicator and budget topics.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class IndicatorCatalogTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final EventStreams streams = EventStreams.shared();

    @Inject
    ObjectMapper json;

    @Test
    void aCodelessIndicatorSeenFirstIsMergedIntoItsCodedTwinWhenThatArrives() throws Exception {
        String office = CatalogTests.uniqueOffice("I");
        String outcomeId = "XM-DAC-41146-" + office + "_D_1.1";
        String output = office + "_D_1.1.1";
        String codelessId = output + "::number of things (co)";
        String codedId = output + "::T_1";
        SourceDocument pdf = document("export.pdf", LocalDate.of(2022, 12, 31));
        SourceDocument page = document("page.txt", LocalDate.of(2021, 12, 31));
        SourceDocument later = document("later.txt", LocalDate.of(2023, 6, 30));

        // The PDF export first: no code, so it stands alone under its statement.
        publish(pdf, indicator(null, "Number of things (CO)", outcomeId, output,
                observation(2022, ObservationKind.RESULT, number("5"), 40),
                observation(2023, ObservationKind.MILESTONE, marker("TBD"), 41)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/indicators/{id}", codelessId).then()
                .statusCode(200).body("id", equalTo(codelessId)).body("code", equalTo(null)));

        // The coded page, older: its 2022 result differs (a conflict), its 2023 milestone is a marker.
        publish(page, indicator("T_1", "Number of things  (CO)", outcomeId, output,
                observation(2021, ObservationKind.RESULT, number("3"), 10),
                observation(2022, ObservationKind.RESULT, number("4"), 11),
                observation(2023, ObservationKind.MILESTONE, marker("-"), 12)));
        // A later page says nothing about the 2022 result: a marker never erases a known value.
        publish(later, indicator("T_1", "Number of things (CO)", outcomeId, output,
                observation(2022, ObservationKind.RESULT, marker("-"), 20)));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/indicators/{id}", codedId).then()
                .statusCode(200)
                .body("aliases", equalTo(List.of(codelessId)))
                .body("observations", hasSize(3))
                .body("provenance.statement.documentId", equalTo(later.id())));
        JsonNode merged = json.readTree(given().get("/api/indicators/{id}", codelessId).then().statusCode(200)
                .extract().asString());
        assertEquals(codedId, merged.get("id").asText(), "the alias answers with the coded indicator");
        JsonNode result2022 = merged.get("observations").get(1);
        assertEquals("5", result2022.at("/value/raw").asText(), "later known value wins; the later marker does not erase it");
        assertEquals(pdf.id(), result2022.at("/provenance/documentId").asText());
        assertEquals("4", result2022.at("/conflicts/0/value/raw").asText());
        assertEquals(page.id(), result2022.at("/conflicts/0/provenance/documentId").asText());
        JsonNode milestone2023 = merged.get("observations").get(2);
        assertEquals("TBD", milestone2023.at("/value/raw").asText(), "only markers: the later one stands");
        assertEquals("MARKER", milestone2023.at("/value/type").asText());

        given().get("/api/conflicts?outcome={o}", outcomeId).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].indicatorId", equalTo(codedId))
                .body("[0].year", equalTo(2022))
                .body("[0].canonicalValue.raw", equalTo("5"))
                .body("[0].otherValues[0].value.raw", equalTo("4"));

        JsonNode history = json.readTree(given().get("/api/indicators/{id}/history", codedId).then().statusCode(200)
                .extract().asString());
        JsonNode claims2022 = history.at("/observations/1/claims");
        assertEquals(List.of(page.id(), pdf.id(), later.id()), claims2022.findValues("documentId").stream()
                .map(JsonNode::asText).toList(), "every claim, in as-of order");
        assertEquals(List.of(false, true, false), claims2022.findValues("canonical").stream().map(JsonNode::asBoolean).toList());
        assertEquals(codelessId, claims2022.get(1).get("reportedAs").asText());

        // On catalog.changes the codeless key went from a full indicator to a merged-into event.
        List<ConsumerRecord<String, String>> changes = streams.readUntil("catalog.changes",
                records -> records.stream().anyMatch(r -> codelessId.equals(r.key()) && r.value().contains("mergedInto")),
                PATIENCE);
        List<JsonNode> codeless = changes.stream().filter(r -> codelessId.equals(r.key())).map(r -> tree(r.value())).toList();
        assertEquals(2, codeless.size());
        assertEquals(codelessId, codeless.get(0).at("/indicator/id").asText());
        assertTrue(codeless.get(1).get("indicator").isNull());
        assertEquals(codedId, codeless.get(1).get("mergedInto").asText());
        assertEquals("mergedInto", codeless.get(1).at("/changedFields/0").asText());

        given().get("/api/documents?size=500").then().statusCode(200).body("id", hasItem(pdf.id()));
    }

    @Test
    void anUndatedBaselineAndSeveralMilestonesOfOneYearRoundTripThroughTheDatabase() throws Exception {
        String office = CatalogTests.uniqueOffice("S");
        String outcomeId = "XM-DAC-41146-" + office + "_D_1.1";
        String id = outcomeId + "::T_1";
        SourceDocument page = new SourceDocument(document("sequenced.txt", LocalDate.of(2023, 12, 31)).id(),
                "sequenced.txt", "text/html", "OUTCOME_PAGE", LocalDate.of(2023, 12, 31), AsOfBasis.DATA_YEAR,
                "https://example.org/outcome?year=2023");
        publish(page, indicator("T_1", "Things", outcomeId, null,
                new Observation(null, ObservationKind.BASELINE, 1, false, marker("-"), LineRange.of(3)),
                new Observation(2023, ObservationKind.MILESTONE, 1, false, number("4"), LineRange.of(4)),
                new Observation(2023, ObservationKind.MILESTONE, 2, false, number("5"), LineRange.of(5)),
                new Observation(2023, ObservationKind.MILESTONE, 3, false,
                        new ObservedValue("6 (new)", ValueType.TEXT, null, null), LineRange.of(6))));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/indicators/{id}", id).then().statusCode(200)
                .body("observations.year", equalTo(java.util.Arrays.asList(null, 2023, 2023, 2023)))
                .body("observations.sequence", equalTo(List.of(1, 1, 2, 3)))
                .body("observations[0].provenance.source", equalTo(page.source()))
                .body("observations[3].value.type", equalTo("TEXT")));
        given().get("/api/indicators/{id}/history", id).then().statusCode(200)
                .body("observations.year", equalTo(java.util.Arrays.asList(null, 2023, 2023, 2023)))
                .body("observations[2].claims[0].value.raw", equalTo("5"));
        given().get("/api/conflicts?outcome={o}", outcomeId).then().statusCode(200).body("", hasSize(0));
        given().get("/api/documents?size=500").then().statusCode(200)
                .body("find { it.id == '" + page.id() + "' }.source", equalTo(page.source()));

        List<ConsumerRecord<String, String>> changes = streams.readUntil("catalog.changes",
                records -> records.stream().anyMatch(r -> id.equals(r.key())), PATIENCE);
        JsonNode change = tree(changes.stream().filter(r -> id.equals(r.key())).reduce((a, b) -> b).orElseThrow().value());
        assertEquals(List.of(), org.resultsflow.contracts.EventSchemas.violations(EventTypes.CATALOG_INDICATOR, change));
        assertTrue(change.at("/indicator/observations/0/year").isNull());
    }

    @Test
    void poisonOnTheIndicatorAndBudgetTopicsIsSetAsideAndTheNextRecordIsApplied() throws Exception {
        String office = CatalogTests.uniqueOffice("P");
        String outcomeId = "XM-DAC-41146-" + office + "_D_1.1";
        SourceDocument document = document("poison.txt", LocalDate.of(2024, 12, 31));

        // Valid JSON, but against the schema: the outcome id is no outcome id (a bare code like SP_D_0.2 is one).
        IndicatorReported invalid = new IndicatorReported(document, indicator("T_9", "Bad", "outcome " + office, null,
                observation(2022, ObservationKind.RESULT, number("1"), 5)));
        String invalidKey = office + "_D_1.1::T_9";
        streams.send("results.indicators", invalidKey, UUID.randomUUID().toString(), EventTypes.INDICATOR_REPORTED,
                json.writeValueAsString(invalid));
        String wrongTypeKey = outcomeId + "::wrong";
        streams.send("results.indicators", wrongTypeKey, UUID.randomUUID().toString(), EventTypes.BUDGET_REPORTED, "{}");
        String notJsonKey = outcomeId + "/poison";
        streams.send("results.budgets", notJsonKey, UUID.randomUUID().toString(), EventTypes.BUDGET_REPORTED, "{ not json");

        publish(document, indicator("T_1", "Fine", outcomeId, null, observation(2022, ObservationKind.RESULT, number("2"), 6)));
        Budget budget = new Budget(outcomeId, BudgetEntityType.OUTCOME, outcomeId, 2024,
                new Money("$1.00 M", new BigDecimal("1000000")), null, null, null, null, null, List.of(), LineRange.of(3));
        streams.send("results.budgets", outcomeId, UUID.randomUUID().toString(), EventTypes.BUDGET_REPORTED,
                json.writeValueAsString(new BudgetReported(document, budget)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            given().get("/api/indicators/{id}", outcomeId + "::T_1").then().statusCode(200);
            given().get("/api/budgets?outcome={o}", outcomeId).then().statusCode(200)
                    .body("[0].planned.raw", equalTo("$1.00 M"));
        });
        List<ConsumerRecord<String, String>> dead = streams.readUntil("catalog.dlq", records ->
                List.of(invalidKey, wrongTypeKey, notJsonKey).stream()
                        .allMatch(k -> records.stream().anyMatch(r -> k.equals(r.key()))), PATIENCE);
        assertTrue(reason(dead, invalidKey).contains("schema"), reason(dead, invalidKey));
        assertTrue(reason(dead, invalidKey).contains("/indicator/outcomeId"), reason(dead, invalidKey));
        assertTrue(reason(dead, wrongTypeKey).contains("unexpected event type"), reason(dead, wrongTypeKey));
        assertTrue(reason(dead, notJsonKey).contains("not JSON"), reason(dead, notJsonKey));
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> notJsonKey.equals(r.key())).findFirst().orElseThrow();
        assertEquals("{ not json", poison.value());
        assertEquals("results.budgets", CloudEventRecords.header(poison, DeadLetterHeaders.TOPIC));
        given().get("/api/indicators/{id}", invalidKey).then().statusCode(404).body("status", equalTo(404));
    }

    /**
     * A batch records its documents last, inserting what is new and filling in an address no earlier event gave: one
     * new document on two topics at once is recorded once with every claim of both, a later event brings its address,
     * and a third one with another address keeps the first.
     */
    @Test
    void aDocumentOnTwoTopicsAtOnceIsRecordedOnceAndItsAddressIsFilledInOnce() throws Exception {
        String office = CatalogTests.uniqueOffice("W");
        String outcomeId = "XM-DAC-41146-" + office + "_D_1.1";
        SourceDocument plain = document("page.txt", LocalDate.of(2024, 12, 31));
        SourceDocument addressed = new SourceDocument(plain.id(), plain.name(), plain.mediaType(), plain.layout(),
                plain.asOf(), plain.asOfBasis(), "https://example.org/outcome?year=2024");
        SourceDocument elsewhere = new SourceDocument(plain.id(), plain.name(), plain.mediaType(), plain.layout(),
                plain.asOf(), plain.asOfBasis(), "https://example.org/elsewhere");

        publish(plain, indicator("T_1", "Things", outcomeId, null, observation(2024, ObservationKind.RESULT, number("2"), 6)));
        Budget budget = new Budget(outcomeId, BudgetEntityType.OUTCOME, outcomeId, 2024,
                new Money("$1.00 M", new BigDecimal("1000000")), null, null, null, null, null, List.of(), LineRange.of(3));
        streams.send("results.budgets", outcomeId, UUID.randomUUID().toString(), EventTypes.BUDGET_REPORTED,
                json.writeValueAsString(new BudgetReported(plain, budget)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            given().get("/api/indicators/{id}", outcomeId + "::T_1").then().statusCode(200)
                    .body("observations[0].provenance.documentId", equalTo(plain.id()));
            given().get("/api/budgets?outcome={o}", outcomeId).then().statusCode(200)
                    .body("[0].planned.raw", equalTo("$1.00 M"));
        });
        given().get("/api/documents?size=500").then().statusCode(200)
                .body("findAll { it.id == '" + plain.id() + "' }", hasSize(1))
                .body("find { it.id == '" + plain.id() + "' }.source", equalTo(null));

        publish(addressed, indicator("T_2", "More things", outcomeId, null,
                observation(2024, ObservationKind.RESULT, number("3"), 7)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/documents?size=500").then().statusCode(200)
                .body("find { it.id == '" + plain.id() + "' }.source", equalTo(addressed.source())));

        publish(elsewhere, indicator("T_3", "Other things", outcomeId, null,
                observation(2024, ObservationKind.RESULT, number("4"), 8)));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/indicators/{id}", outcomeId + "::T_3").then()
                .statusCode(200));
        given().get("/api/documents?size=500").then().statusCode(200)
                .body("findAll { it.id == '" + plain.id() + "' }", hasSize(1))
                .body("find { it.id == '" + plain.id() + "' }.source", equalTo(addressed.source()));
    }

    private static String reason(List<ConsumerRecord<String, String>> dead, String key) {
        return dead.stream().filter(r -> key.equals(r.key())).map(r -> CloudEventRecords.header(r, DeadLetterHeaders.REASON))
                .findFirst().orElseThrow();
    }

    private void publish(SourceDocument document, Indicator indicator) throws Exception {
        String key = indicator.key();
        String id = UUID.nameUUIDFromBytes((document.id() + "/" + EventTypes.INDICATOR_REPORTED + "/" + key)
                .getBytes(StandardCharsets.UTF_8)).toString();
        streams.send("results.indicators", key, id, EventTypes.INDICATOR_REPORTED,
                json.writeValueAsString(new IndicatorReported(document, indicator)));
    }

    static Indicator indicator(String code, String statement, String outcomeId, String output, Observation... observations) {
        String normalised = statement.replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        String parent = output == null ? outcomeId : output;
        return new Indicator(parent + "::" + (code == null ? normalised : code), code, statement, normalised, outcomeId,
                output, List.of("Common"), List.of(observations), false, new LineRange(1, 50));
    }

    static Observation observation(int year, ObservationKind kind, ObservedValue value, int line) {
        return new Observation(year, kind, value, LineRange.of(line));
    }

    static ObservedValue number(String raw) {
        return new ObservedValue(raw, ValueType.NUMBER, new BigDecimal(raw), null);
    }

    static ObservedValue marker(String raw) {
        return new ObservedValue(raw, ValueType.MARKER, null, null);
    }

    static SourceDocument document(String name, LocalDate asOf) {
        return new SourceDocument(Seeds.sha256(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)), name,
                "text/plain", "OUTCOME_PAGE", asOf, AsOfBasis.DATA_YEAR);
    }

    private JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
