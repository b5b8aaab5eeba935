package org.resultsflow.catalog.messaging;

import org.resultsflow.catalog.Seeds;
import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.catalog.service.InMemoryCatalog;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * The five seeds end to end: three orders over the real broker into the real database, each event sent
 * twice, must end in exactly the state the in-memory driver computes; a third delivery changes nothing;
 * and the outcome page of MEX_D_2.1 shows the merge of seeds 001 and 004. The runs use their own office
 * codes (hence ids) and document ids, except the first, which keeps the real ones.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class SeedsOverKafkaTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final String MEX_D_2_1 = "XM-DAC-41146-MEX_D_2.1";

    static final EventStreams streams = EventStreams.shared();

    @Inject
    ObjectMapper json;
    @Inject
    CanonicalRecordRepository records;

    @Test
    void threeOrdersOverKafkaEndInTheStateComputedInMemoryAndRedeliveryChangesNothing() {
        InMemoryCatalog memory = new InMemoryCatalog();
        List<Seeds.Doc> real = Seeds.load(json, null);
        real.forEach(doc -> memory.apply(doc.events().stream().map(Seeds.Event::received).toList(), true));
        Map<String, String> expected = memory.dump();

        Seeds.Namespace reverse = Seeds.Namespace.of(CatalogTests.uniqueOffice("R"));
        Seeds.Namespace shuffled = Seeds.Namespace.of(CatalogTests.uniqueOffice("S"));
        List<Seeds.Doc> reverseDocs = new ArrayList<>(Seeds.load(json, reverse));
        Collections.reverse(reverseDocs);
        List<Seeds.Doc> shuffledDocs = new ArrayList<>(Seeds.load(json, shuffled));
        Collections.shuffle(shuffledDocs, new Random(Seeds.SHUFFLE_SEED));

        long started = System.nanoTime();
        for (List<Seeds.Doc> run : List.of(real, reverseDocs, shuffledDocs)) {
            List<Seeds.Event> events = run.stream().flatMap(d -> d.events().stream()).toList();
            events.forEach(e -> CatalogTests.publish(streams, json, e));
            events.forEach(e -> CatalogTests.publish(streams, json, e)); // every event twice
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertEquals(expected, CatalogTests.dump(records, Seeds.OFFICE), "real ids, natural order");
            assertEquals(expected, toReal(CatalogTests.dump(records, reverse.office()), reverse), "reverse order");
            assertEquals(expected, toReal(CatalogTests.dump(records, shuffled.office()), shuffled), "shuffled order");
        });
        System.out.printf("Three runs of %d events each (sent twice) applied in %d ms%n",
                real.stream().mapToInt(d -> d.events().size()).sum(), (System.nanoTime() - started) / 1_000_000);

        // A third delivery of the reversed run changes no record: no new version, no new event.
        Map<String, Long> versions = CatalogTests.versions(records, reverse.office());
        reverseDocs.forEach(doc -> doc.events().forEach(e -> CatalogTests.publish(streams, json, e)));
        List<Seeds.Event> markers = markers();
        markers.forEach(e -> CatalogTests.publish(streams, json, e));
        String markerOffice = ((org.resultsflow.contracts.results.OutcomeReported) markers.get(0).data()).outcome().office();
        // Each topic has one partition here: once the markers behind the repeats are applied, so are the repeats.
        await().atMost(PATIENCE).untilAsserted(() ->
                assertEquals(3, CatalogTests.dump(records, markerOffice).size(), "markers applied"));
        assertEquals(versions, CatalogTests.versions(records, reverse.office()));
    }

    @Test
    void outcomeMexD21ShowsItsOutputsIndicatorsAndBudgetsFrom001And004WithProvenance() throws Exception {
        List<Seeds.Doc> real = Seeds.load(json, null);
        String page = real.get(1).documentId();
        String pdf = real.get(4).documentId();
        // The other test may have sent them already; a repeat is harmless.
        real.forEach(doc -> doc.events().forEach(e -> CatalogTests.publish(streams, json, e)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode outcome = json.readTree(given().queryParam("include", "observations").get("/api/outcomes/{id}", MEX_D_2_1).then().statusCode(200)
                    .extract().asString());
            assertEquals(List.of("MEX_D_2.1.1", "MEX_D_2.1.2", "MEX_D_2.1.3"), texts(outcome.get("outputs"), "code"));
            assertEquals(14, outcome.get("indicators").size(), "indicators of the outcome itself");
            assertEquals(List.of(15, 6, 5), sizes(outcome.get("outputs"), "indicators"));
            assertEquals(List.of(2, 2, 2), sizes(outcome.get("outputs"), "budgets"));
            assertEquals(2, outcome.get("budgets").size());
        });
        JsonNode outcome = json.readTree(given().queryParam("include", "observations").get("/api/outcomes/{id}", MEX_D_2_1).then().extract().asString());
        Set<String> documents = new TreeSet<>();
        Set<Integer> years = new TreeSet<>();
        List<JsonNode> indicators = new ArrayList<>();
        outcome.get("indicators").forEach(indicators::add);
        outcome.get("outputs").forEach(o -> o.get("indicators").forEach(indicators::add));
        for (JsonNode indicator : indicators) {
            for (JsonNode observation : indicator.get("observations")) {
                assertTrue(observation.at("/provenance/documentId").isTextual(), indicator.get("id").asText());
                assertTrue(observation.at("/provenance/lines/first").isInt(), indicator.get("id").asText());
                documents.add(observation.at("/provenance/documentId").asText());
                years.add(observation.get("year").asInt());
            }
        }
        assertEquals(Set.of(page, pdf), documents, "observations come from both documents");
        assertTrue(years.containsAll(List.of(2020, 2021, 2022, 2023)), years.toString());

        // Without include=observations: the same outcome, outputs and indicators, their observations left out.
        String compact = given().get("/api/outcomes/{id}", MEX_D_2_1).then().statusCode(200).extract().asString();
        JsonNode small = json.readTree(compact);
        assertEquals(texts(outcome.get("outputs"), "code"), texts(small.get("outputs"), "code"));
        assertEquals(sizes(outcome.get("outputs"), "indicators"), sizes(small.get("outputs"), "indicators"));
        small.get("indicators").forEach(i -> assertTrue(i.get("observations").isNull(), i.get("id").asText()));
        assertTrue(compact.length() * 2 < outcome.toString().length(), compact.length() + " vs " + outcome.toString().length());

        JsonNode care = indicators.stream().filter(i -> "MEX_D_2.1.3::MEX_D_2.1.3A".equals(i.get("id").asText()))
                .findFirst().orElseThrow();
        Map<String, JsonNode> byKey = new TreeMap<>();
        care.get("observations").forEach(o -> byKey.put(o.get("year") + o.get("kind").asText(), o));
        // 2022 result: a marker in 001, a number in 004: 004 fills the gap.
        assertEquals("3", byKey.get("2022RESULT").at("/value/raw").asText());
        assertEquals(pdf, byKey.get("2022RESULT").at("/provenance/documentId").asText());
        assertEquals(1, care.get("aliases").size(), "the codeless id of 004 is recorded");
        String alias = care.get("aliases").get(0).asText();

        // The alias answers with the indicator it was merged into; its history holds both documents' claims.
        given().get("/api/indicators/{id}", alias).then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo("MEX_D_2.1.3::MEX_D_2.1.3A"));
        JsonNode history = json.readTree(given().get("/api/indicators/{id}/history", alias).then().statusCode(200)
                .extract().asString());
        for (JsonNode observation : history.get("observations")) {
            long canonical = 0;
            for (JsonNode claim : observation.get("claims")) {
                canonical += claim.get("canonical").asBoolean() ? 1 : 0;
            }
            assertEquals(1, canonical, observation.toString());
        }
        JsonNode result2022 = findObservation(history, 2022, "RESULT");
        assertEquals(List.of(page, pdf), result2022.get("claims").findValues("documentId").stream()
                .map(JsonNode::asText).toList(), "in as-of order: 001 (2021) then 004 (2022)");

        assertFalse(outcome.get("funding").isNull(), "004 shows funding partners of MEX_D_2.1");
        assertEquals(pdf, outcome.at("/funding/contributions/0/total/provenance/documentId").asText());
    }

    /** One outcome, indicator and budget of a fresh office: applied after whatever was sent before them. */
    private List<Seeds.Event> markers() {
        String office = CatalogTests.uniqueOffice("M");
        Seeds.Namespace namespace = Seeds.Namespace.of(office);
        Seeds.Doc page = Seeds.load(json, "001_32a555cdcd01bebc.txt", namespace);
        List<Seeds.Event> markers = new ArrayList<>();
        page.events().stream().filter(e -> e.topic().equals("results.outcomes")).findFirst().ifPresent(markers::add);
        page.events().stream().filter(e -> e.topic().equals("results.indicators")).findFirst().ifPresent(markers::add);
        page.events().stream().filter(e -> e.topic().equals("results.budgets") && e.key().startsWith("XM-DAC"))
                .findFirst().ifPresent(markers::add);
        return markers;
    }

    private static JsonNode findObservation(JsonNode history, int year, String kind) {
        for (JsonNode observation : history.get("observations")) {
            if (observation.get("year").asInt() == year && kind.equals(observation.get("kind").asText())) {
                return observation;
            }
        }
        throw new AssertionError("no " + year + " " + kind + " in " + history);
    }

    private static Map<String, String> toReal(Map<String, String> dump, Seeds.Namespace namespace) {
        return dump.entrySet().stream().collect(Collectors.toMap(e -> namespace.toReal(e.getKey()),
                e -> namespace.toReal(e.getValue()), (a, b) -> a, TreeMap::new));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.get(field).asText()));
        return texts;
    }

    private static List<Integer> sizes(JsonNode array, String field) {
        List<Integer> sizes = new ArrayList<>();
        array.forEach(n -> sizes.add(n.get(field).size()));
        return sizes;
    }
}
