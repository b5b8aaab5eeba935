package org.resultsflow.catalog.rest;

import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.catalog.Seeds;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * What analysts ask of the catalog over the samples: an indicator by its code alone, the total of every list,
 * the state as of a past date, and when each value appeared, changed or was contradicted.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AnalystReadsTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String MEX_D_2_1 = "XM-DAC-41146-MEX_D_2.1";
    static final String CARE = "MEX_D_2.1.3::MEX_D_2.1.3A";
    static final EventStreams streams = EventStreams.shared();
    static List<Seeds.Doc> seeds;

    @Inject
    ObjectMapper json;

    /** The samples once per class (a repeat by another test is harmless), after RestAssured points at the app. */
    @BeforeEach
    void publishTheSamples() {
        if (seeds != null) {
            return;
        }
        List<Seeds.Doc> docs = Seeds.load(json, null);
        docs.forEach(doc -> doc.events().forEach(e -> CatalogTests.publish(streams, json, e)));
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode outcome = read(given().get("/api/outcomes/{id}?include=observations", MEX_D_2_1).then().statusCode(200).extract().asString());
            assertEquals(List.of(2, 2, 2), sizes(outcome.get("outputs"), "budgets"));
            assertEquals("3", observations(indicator(outcome, CARE)).get("2022RESULT").at("/value/raw").asText());
        });
        seeds = docs;
    }

    @Test
    void anIndicatorByItsCodeAloneOrTheCandidatesWhenTheCodeIsShared() {
        given().get("/api/indicators/{id}", "MEX_D_2.1.1B").then().statusCode(200)
                .body("id", equalTo("MEX_D_2.1.1::MEX_D_2.1.1B")).body("code", equalTo("MEX_D_2.1.1B"));
        given().get("/api/indicators/{id}/history", "MEX_D_2.1.1B").then().statusCode(200)
                .body("indicatorId", equalTo("MEX_D_2.1.1::MEX_D_2.1.1B"));
        // 001 shows SP_D_0.1.d under MEX_D_2.1.1 and under MEX_D_2.1.3.
        given().get("/api/indicators/{id}", "SP_D_0.1.d").then().statusCode(409).contentType(containsString("json"))
                .body("status", equalTo(409)).body("error", equalTo("Conflict"))
                .body("candidates", hasItems("MEX_D_2.1.1::SP_D_0.1.d", "MEX_D_2.1.3::SP_D_0.1.d"));
        given().get("/api/indicators/{id}", "MEX_D_9.9.9Z").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void everyCatalogListCountsAllItsPages() {
        for (String list : new String[] {"/api/outcomes?office=MEX", "/api/indicators?office=MEX",
                "/api/budgets?outcome=" + MEX_D_2_1, "/api/conflicts?office=MEX", "/api/documents"}) {
            int all = given().get(list + (list.contains("?") ? "&" : "?") + "size=500").then().statusCode(200)
                    .extract().jsonPath().getList("$").size();
            Response first = given().get(list + (list.contains("?") ? "&" : "?") + "size=1");
            assertEquals(String.valueOf(all), first.header("X-Total-Count"), list);
            assertTrue(first.jsonPath().getList("$").size() <= 1, list);
        }
        assertEquals("8", given().get("/api/budgets?outcome=" + MEX_D_2_1 + "&size=1").header("X-Total-Count"),
                "the outcome's and its three outputs' budgets of 2021 and 2022");
    }

    @Test
    void asOfADateBetweenTwoSamplesGivesTheEarlierOnesValues() throws Exception {
        String page = seeds.get(1).documentId();  // 001, as of 2021-12-31
        String pdf = seeds.get(4).documentId();   // 004, as of 2022-12-31
        // Between them: 001's values. Its 2022 result of MEX_D_2.1.3A is "-"; 004 later shows 3.
        JsonNode then = read(given().get("/api/indicators/{id}?asOf=2022-06-30", CARE).then().statusCode(200)
                .extract().asString());
        Map<String, JsonNode> thenObs = observations(then);
        assertEquals("-", thenObs.get("2022RESULT").at("/value/raw").asText());
        assertEquals(page, thenObs.get("2022RESULT").at("/provenance/documentId").asText());
        assertEquals("6", thenObs.get("2021RESULT").at("/value/raw").asText());
        assertEquals(page, thenObs.get("2021RESULT").at("/provenance/documentId").asText());
        assertTrue(then.get("aliases").isEmpty(), "004's codeless twin was not known then");
        JsonNode now = read(given().get("/api/indicators/{id}", CARE).then().statusCode(200).extract().asString());
        assertEquals(pdf, observations(now).get("2022RESULT").at("/provenance/documentId").asText());
        // From 004's date on, the state as of it is the state now.
        assertEquals(now, read(given().get("/api/indicators/{id}?asOf=2023-01-01", CARE).then().statusCode(200)
                .extract().asString()));
        given().get("/api/indicators/{id}?asOf=2020-01-01", CARE).then().statusCode(404).body("status", equalTo(404));
        given().get("/api/indicators/{id}?asOf=last-year", CARE).then().statusCode(400)
                .body("message", containsString("YYYY-MM-DD"));

        // The outcome then: 001's budgets only (2021), and 001's indicator values.
        JsonNode outcome = read(given().get("/api/outcomes/{id}?asOf=2022-06-30&include=observations", MEX_D_2_1).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(1, 1, 1), sizes(outcome.get("outputs"), "budgets"));
        outcome.get("outputs").forEach(o -> o.get("budgets").forEach(b -> assertEquals(2021, b.get("reportingYear").asInt())));
        assertEquals("-", observations(indicator(outcome, CARE)).get("2022RESULT").at("/value/raw").asText());
        // As of 004's date, 004's budgets of 2022 are there too.
        JsonNode later = read(given().get("/api/outcomes/{id}?asOf=2022-12-31&include=observations", MEX_D_2_1).then().statusCode(200)
                .extract().asString());
        assertEquals(List.of(2, 2, 2), sizes(later.get("outputs"), "budgets"));
        assertEquals("3", observations(indicator(later, CARE)).get("2022RESULT").at("/value/raw").asText());
    }

    @Test
    void theHistoryOfEachObservationSaysWhenItsValueAppearedAndWhoConfirmedIt() throws Exception {
        JsonNode history = read(given().get("/api/indicators/{id}/history?size=500", CARE).then().statusCode(200)
                .extract().asString());
        Map<String, JsonNode> byKey = new TreeMap<>();
        history.get("observations").forEach(o -> byKey.put(o.get("year") + o.get("kind").asText(), o));
        // 2021 result: 6 in 001, 6 again in 004.
        JsonNode r2021 = byKey.get("2021RESULT").get("events");
        assertEquals(List.of("APPEARED", "CONFIRMED"), texts(r2021, "happened"));
        assertEquals(seeds.get(1).documentId(), r2021.get(0).at("/provenance/documentId").asText());
        assertEquals("2021-12-31", r2021.get(0).at("/provenance/asOf").asText());
        // 2022 result: "-" in 001 (a marker, no event), 3 in 004.
        JsonNode r2022 = byKey.get("2022RESULT").get("events");
        assertEquals(List.of("APPEARED"), texts(r2022, "happened"));
        assertEquals("3", r2022.get(0).at("/value/raw").asText());
        assertEquals("2022-12-31", r2022.get(0).at("/provenance/asOf").asText());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private JsonNode read(String body) throws java.io.IOException {
        return json.readTree(body);
    }

    private static JsonNode indicator(JsonNode outcome, String id) {
        List<JsonNode> all = new ArrayList<>();
        outcome.get("indicators").forEach(all::add);
        outcome.get("outputs").forEach(o -> o.get("indicators").forEach(all::add));
        return all.stream().filter(i -> id.equals(i.get("id").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + id + " in the outcome"));
    }

    private static Map<String, JsonNode> observations(JsonNode indicator) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        indicator.get("observations").forEach(o -> byKey.put(o.get("year") + o.get("kind").asText(), o));
        return byKey;
    }

    private static List<Integer> sizes(JsonNode items, String field) {
        List<Integer> sizes = new ArrayList<>();
        items.forEach(i -> sizes.add(i.get(field).size()));
        return sizes;
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(i -> texts.add(i.get(field).asText()));
        return texts;
    }
}
