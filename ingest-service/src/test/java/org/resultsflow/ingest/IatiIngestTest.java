package org.resultsflow.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/** IATI activity XML over the HTTP interface, against a real broker and database. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class IatiIngestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String ANNOTATED = "iati/activity-standard-example-annotated.xml";
    static final EventStreams streams = EventStreams.shared();

    @Test
    void theAnnotatedExampleIsPublishedAsSchemaValidEvents() throws Exception {
        byte[] xml = DocumentIngestTest.sample(ANNOTATED);
        String id = DocumentIngestTest.sha256(xml);
        given().auth().oauth2(DocumentIngestTest.token("ingest")).contentType("application/xml")
                .queryParam("name", "annotated.xml").body(xml).post("/api/documents").then()
                .statusCode(201)
                .body("layout", equalTo("IATI_ACTIVITIES"))
                .body("asOf", equalTo("2014-09-10"))
                .body("counts.outcomes", equalTo(1))
                .body("counts.indicators", equalTo(1))
                .body("counts.observations", equalTo(3))
                .body("counts.budgets", equalTo(2))
                .body("counts.events", equalTo(4));
        Map<String, String> types = Map.of("results.outcomes", EventTypes.OUTCOME_REPORTED,
                "results.indicators", EventTypes.INDICATOR_REPORTED, "results.budgets", EventTypes.BUDGET_REPORTED);
        Map<String, Integer> expected = Map.of("results.outcomes", 1, "results.indicators", 1, "results.budgets", 2);
        for (var topic : expected.entrySet()) {
            List<ConsumerRecord<String, String>> events = eventsOf(topic.getKey(), id, topic.getValue());
            assertEquals(topic.getValue(), events.size(), topic.getKey());
            for (ConsumerRecord<String, String> event : events) {
                assertEquals(List.of(), EventSchemas.violations(types.get(topic.getKey()), JSON.readTree(event.value())),
                        topic.getKey() + " " + event.value());
            }
        }
        JsonNode indicator = JSON.readTree(eventsOf("results.indicators", id, 1).get(0).value()).get("indicator");
        assertEquals("AA-AAA-123456789-ABC123/R1::I1", indicator.get("key").asText());
        assertTrue(indicator.get("ascending").asBoolean());
        assertEquals("2013-03-31", indicator.at("/observations/1/periodEnd").asText());
        assertEquals("female", indicator.at("/observations/1/dimensions/0/value").asText());
    }

    @Test
    void thePreviewReadsXmlAndStoresNothing() {
        given().contentType("text/xml").body(sampleQuietly()).post("/api/documents/preview").then()
                .statusCode(200)
                .body("layout", equalTo("IATI_ACTIVITIES"))
                .body("outcomes[0].activity.identifier", equalTo("AA-AAA-123456789-ABC123"))
                .body("budgets[0].planned.currency", equalTo("EUR"));
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefusedWith422() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<iati-activities><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>\n";
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<iati-activities><iati-activity><iati-identifier>&c;"
                + "</iati-identifier></iati-activity></iati-activities>\n";
        for (String body : List.of(xxe, bomb)) {
            for (String path : List.of("/api/documents", "/api/documents/preview")) {
                given().auth().oauth2(DocumentIngestTest.token("ingest")).contentType("application/xml")
                        .body(body.getBytes(StandardCharsets.UTF_8)).post(path).then()
                        .statusCode(422)
                        .contentType("application/json")
                        .body("status", equalTo(422))
                        .body("error", notNullValue())
                        .body("message", containsString("DTD"));
            }
        }
        given().auth().oauth2(DocumentIngestTest.token("ingest")).contentType("application/xml")
                .body("<iati-activities><iati-activity>".getBytes(StandardCharsets.UTF_8)).post("/api/documents").then()
                .statusCode(422).body("message", containsString("not well-formed"));
    }

    /**
     * An organisation file is recognised from its root and refused with a 422 that says why (its budgets are an
     * organisation's, a recipient organisation's or a country's, not an outcome's) and what is read instead;
     * nothing of it is registered.
     */
    @Test
    void anOrganisationFileIsRefusedWith422SayingWhyAndWhatIsRead() throws Exception {
        byte[] xml = DocumentIngestTest.sample("iati/organisation-standard-example-annotated.xml");
        for (String path : List.of("/api/documents", "/api/documents/preview")) {
            given().auth().oauth2(DocumentIngestTest.token("ingest")).contentType("application/xml").body(xml)
                    .post(path).then()
                    .statusCode(422)
                    .contentType("application/json")
                    .body("status", equalTo(422))
                    .body("error", notNullValue())
                    .body("message", containsString("<iati-organisations>"))
                    .body("message", containsString("total-budget, recipient-org-budget, recipient-country-budget"))
                    .body("message", containsString("activity files (root <iati-activities>"));
        }
        given().auth().oauth2(DocumentIngestTest.token("ingest")).get("/api/documents/{id}", DocumentIngestTest.sha256(xml))
                .then().statusCode(404);
    }

    private static byte[] sampleQuietly() {
        try {
            return DocumentIngestTest.sample(ANNOTATED);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String topic, String documentId, int atLeast) {
        return streams.readUntil(topic, records -> records.stream().filter(r -> documentId.equals(documentId(r)))
                .count() >= atLeast, PATIENCE).stream().filter(r -> documentId.equals(documentId(r))).toList();
    }

    private static String documentId(ConsumerRecord<String, String> record) {
        try {
            JsonNode id = JSON.readTree(record.value()).at("/document/id");
            return id.isMissingNode() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }
}
