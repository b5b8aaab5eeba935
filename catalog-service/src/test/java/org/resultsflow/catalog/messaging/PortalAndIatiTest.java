package org.resultsflow.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.catalog.Seeds;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.catalog.service.InMemoryCatalog;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * A portal page (sample 001, as of 2021-12-31) and an IATI file of the same outcome (as of 2022-03-31) whose
 * references state the page's output and indicator codes meet in one indicator and one budget record, over the
 * real broker into the real database: agreeing values are one value with both documents' claims, differing ones
 * are conflicts with both provenances (the file's lines, the page's lines); a value for women only and a July-June
 * period stay values of their own. Portal first or IATI first, the records are the same, and the ones the
 * in-memory driver computes (whose change events are valid against their schemas). Each order runs under its own office code (hence ids) and document ids.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class PortalAndIatiTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String PAGE = Seeds.FILES.get(1);

    static final EventStreams streams = EventStreams.shared();

    @Inject
    ObjectMapper json;
    @Inject
    CanonicalRecordRepository records;

    @Test
    void bothDocumentsMeetInOneRecordWithTheirConflictsInEitherOrder() throws Exception {
        InMemoryCatalog memory = new InMemoryCatalog();
        for (Seeds.Doc doc : List.of(Seeds.load(json, PAGE, null), Seeds.load(json, Seeds.IATI_MEX_D_2_1, null))) {
            for (CatalogEngine.Change change : memory.apply(doc.events().stream().map(Seeds.Event::received).toList(), true)) {
                assertEquals(List.of(), EventSchemas.violations(change.eventType(), change.payload()),
                        "a budget with conflicts is a valid " + change.eventType());
            }
        }
        Map<String, String> expected = memory.dump();

        Seeds.Namespace portalFirst = Seeds.Namespace.of(CatalogTests.uniqueOffice("P"));
        Seeds.Namespace iatiFirst = Seeds.Namespace.of(CatalogTests.uniqueOffice("I"));
        Seeds.Doc page = Seeds.load(json, PAGE, portalFirst);
        Seeds.Doc iati = Seeds.load(json, Seeds.IATI_MEX_D_2_1, portalFirst);
        List<Seeds.Event> events = new ArrayList<>(page.events());
        events.addAll(iati.events());
        events.addAll(Seeds.load(json, Seeds.IATI_MEX_D_2_1, iatiFirst).events());
        events.addAll(Seeds.load(json, PAGE, iatiFirst).events());
        events.forEach(e -> CatalogTests.publish(streams, json, e));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(expected, toReal(CatalogTests.dump(records, portalFirst.office()), portalFirst), "portal first");
            assertEquals(expected, toReal(CatalogTests.dump(records, iatiFirst.office()), iatiFirst), "IATI first");
        });

        String office = portalFirst.office();
        String outcome = Seeds.PREFIX + office + "_D_2.1";
        String indicator = office + "_D_2.1.2::" + office + "_D_2.1.2A";

        // The one conflicting observation of the outcome: the 2021 result, 61 in the file (later as-of, so it
        // stands) beside 59 on the page.
        JsonNode conflicts = json.readTree(given().queryParam("outcome", outcome).get("/api/conflicts")
                .then().statusCode(200).extract().asString());
        assertEquals(1, conflicts.size(), conflicts.toString());
        JsonNode conflict = conflicts.get(0);
        assertEquals(indicator, conflict.get("indicatorId").asText());
        assertEquals(2021, conflict.get("year").asInt());
        assertEquals("RESULT", conflict.get("kind").asText());
        assertEquals("61", conflict.at("/canonicalValue/raw").asText());
        assertEquals(iati.documentId(), conflict.at("/canonicalProvenance/documentId").asText());
        assertEquals(Seeds.IATI_MEX_D_2_1, conflict.at("/canonicalProvenance/documentName").asText());
        assertEquals(46, conflict.at("/canonicalProvenance/lines/first").asInt());
        assertEquals(46, conflict.at("/canonicalProvenance/lines/last").asInt());
        assertEquals(1, conflict.get("otherValues").size());
        assertEquals("59", conflict.at("/otherValues/0/value/raw").asText());
        assertEquals(page.documentId(), conflict.at("/otherValues/0/provenance/documentId").asText());
        assertEquals(1010, conflict.at("/otherValues/0/provenance/lines/first").asInt());
        assertEquals(1014, conflict.at("/otherValues/0/provenance/lines/last").asInt());

        // Agreeing values are one observation with no conflict, claimed by both documents.
        JsonNode canonical = json.readTree(given().get("/api/indicators/{id}", indicator).then().statusCode(200)
                .extract().asString());
        Map<String, JsonNode> observations = new TreeMap<>();
        canonical.get("observations").forEach(o -> observations.put(o.get("year") + " " + o.get("kind").asText()
                + (o.has("periodStart") ? " " + o.get("periodStart").asText() + "/" + o.get("periodEnd").asText() : "")
                + (o.has("dimensions") ? " " + o.get("dimensions").findValuesAsText("value") : ""), o));
        for (String agreeing : List.of("2018 BASELINE", "2020 MILESTONE", "2020 RESULT", "2021 MILESTONE")) {
            JsonNode o = observations.get(agreeing);
            assertEquals(0, o.get("conflicts").size(), agreeing + ": " + o);
            assertEquals(iati.documentId(), o.at("/provenance/documentId").asText(), agreeing);
        }
        JsonNode history = json.readTree(given().get("/api/indicators/{id}/history", indicator).then().statusCode(200)
                .extract().asString());
        List<List<String>> claimants = new ArrayList<>();
        for (JsonNode o : history.get("observations")) {
            if (o.get("year").asInt() == 2020 && "MILESTONE".equals(o.get("kind").asText())) {
                claimants.add(o.get("claims").findValuesAsText("documentId"));
            }
        }
        assertEquals(List.of(List.of(page.documentId(), iati.documentId())), claimants,
                "one 2020 milestone, which the page and the file both give (50), in as-of order");

        // What is not the year's value stays apart: the page's 2022 milestone has its own record, the file's value
        // for women only and its July-June values theirs.
        assertEquals(page.documentId(), observations.get("2022 MILESTONE").at("/provenance/documentId").asText());
        assertEquals("155", observations.get("2022 MILESTONE 2022-01-01/2022-12-31 [female]").at("/value/raw").asText());
        assertEquals("120", observations.get("2022 MILESTONE 2021-07-01/2022-06-30").at("/value/raw").asText());
        assertEquals("80", observations.get("2022 RESULT 2021-07-01/2022-06-30").at("/value/raw").asText());
        // An indicator whose code is in another vocabulary, and a result that states no output, keep their place.
        given().get("/api/indicators/{id}", office + "_D_2.1.2::I2").then().statusCode(200);
        given().get("/api/indicators/{id}", outcome + "/R2::I1").then().statusCode(200);

        // The outcome's budget of 2021: planned differs (the file's 900,000 stands, the page's $934.31 K beside it),
        // expenses agree (268,510), so only planned has a conflict.
        JsonNode budgets = json.readTree(given().queryParam("outcome", outcome).get("/api/budgets").then()
                .statusCode(200).extract().asString());
        JsonNode budget = null;
        for (JsonNode b : budgets) {
            budget = (outcome + "/2021").equals(b.get("id").asText()) ? b : budget;
        }
        assertTrue(budget != null, budgets.toString());
        assertEquals("900000", budget.at("/planned/raw").asText());
        assertEquals(iati.documentId(), budget.at("/planned/provenance/documentId").asText());
        assertEquals(1, budget.get("conflicts").size(), budget.toString());
        assertEquals("planned", budget.at("/conflicts/0/field").asText());
        assertEquals("$934.31 K", budget.at("/conflicts/0/value/raw").asText());
        assertEquals(page.documentId(), budget.at("/conflicts/0/value/provenance/documentId").asText());
        assertEquals(33, budget.at("/conflicts/0/value/provenance/lines/first").asInt());
        assertEquals(iati.documentId(), budget.at("/expenses/provenance/documentId").asText());
    }

    private static Map<String, String> toReal(Map<String, String> dump, Seeds.Namespace namespace) {
        return dump.entrySet().stream().collect(Collectors.toMap(e -> namespace.toReal(e.getKey()),
                e -> namespace.toReal(e.getValue()), (a, b) -> a, TreeMap::new));
    }
}
