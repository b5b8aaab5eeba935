package org.resultsflow.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/** The ingest HTTP interface against a real broker and database. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class DocumentIngestTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String PROGRESS_NOTES = "samples/000_e25761c67d39ad5b.txt";

    static final EventStreams streams = EventStreams.shared();

    @Test
    void aDocumentIsPublishedOnceAsSchemaValidCloudEvents() throws Exception {
        byte[] seed = sample(PROGRESS_NOTES);
        String id = sha256(seed);

        given().auth().oauth2(token("ingest")).contentType("text/plain").queryParam("name", "000.txt").body(seed)
                .post("/api/documents").then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("status", equalTo("PUBLISHED"))
                .body("layout", equalTo("PROGRESS_NOTES_LIST"))
                .body("counts.outcomes", equalTo(5))
                .body("counts.progressNotes", equalTo(4))
                .body("counts.events", equalTo(5));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        assertEquals(Set.of("XM-DAC-41146-MEX_D_1.1", "XM-DAC-41146-MEX_D_2.1", "XM-DAC-41146-MEX_D_2.2",
                "XM-DAC-41146-MEX_D_2.3", "XM-DAC-41146-MEX_D_3.1"),
                events.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(EventTypes.OUTCOME_REPORTED, CloudEventRecords.type(event));
            assertEquals(event.key(), CloudEventRecords.header(event, "ce_subject"));
            assertEquals(List.of(), EventSchemas.violations(EventTypes.OUTCOME_REPORTED, JSON.readTree(event.value())));
        }

        // The same bytes again: the earlier report, and nothing new on the topic.
        given().auth().oauth2(token("ingest")).contentType("text/plain").body(seed).post("/api/documents").then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ALREADY_INGESTED"));
        String marker = ingestMarkerDocument();
        eventsOf(marker, 1);
        assertEquals(5, eventsOf(id, 5).size(), "re-posting the same bytes must publish nothing");

        given().get("/api/documents/{id}", id).then().statusCode(200)
                .body("name", equalTo("000.txt"))
                .body("counts.outcomes", equalTo(5))
                .body("warnings", notNullValue());
        given().get("/api/documents").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void eventIdsComeFromTheContentSoTheyAreTheSameForTheSameBytes() throws Exception {
        String marker = ingestMarkerDocument();
        List<ConsumerRecord<String, String>> events = eventsOf(marker, 1);
        String eventId = CloudEventRecords.header(events.get(0), "ce_id");
        assertEquals(java.util.UUID.nameUUIDFromBytes((marker + "/" + EventTypes.OUTCOME_REPORTED + "/"
                + events.get(0).key()).getBytes(StandardCharsets.UTF_8)).toString(), eventId);
    }

    @Test
    void aPageThatDoesNotShowItsOutcomeIsIdentifiedByStatementOrByTheCaller() throws Exception {
        byte[] summary = sample("samples/003_cf5ee7f4fb6c2d90.txt");
        byte[] countryReport = sample("samples/002_09399b8b1f137ae9.txt");
        String token = token("ingest");

        // No document has shown this statement yet: the caller is told how to say which outcome it is.
        given().auth().oauth2(token).contentType("text/plain").body(summary).post("/api/documents").then()
                .statusCode(422).body("message", org.hamcrest.Matchers.containsString("outcome="));

        given().auth().oauth2(token).contentType("text/plain").body(countryReport).post("/api/documents").then()
                .statusCode(201);
        given().auth().oauth2(token).contentType("text/plain").body(summary).post("/api/documents").then()
                .statusCode(201)
                .body("office", equalTo("MEX"))
                .body("warnings.message", hasItem(org.hamcrest.Matchers.containsString("XM-DAC-41146-MEX_D_4.1")));
        List<ConsumerRecord<String, String>> budgets = streams.readUntil("results.budgets",
                records -> records.stream().anyMatch(r -> sha256(summary).equals(documentId(r))), PATIENCE);
        assertTrue(budgets.stream().filter(r -> sha256(summary).equals(documentId(r)))
                .allMatch(r -> "XM-DAC-41146-MEX_D_4.1".equals(r.key())));

        // Other bytes of the same page, with the outcome named by the caller.
        byte[] copy = (new String(summary, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(token).contentType("text/plain").queryParam("outcome", "MEX_D_4.1").body(copy)
                .post("/api/documents").then()
                .statusCode(201)
                .body("warnings.message", hasItem(org.hamcrest.Matchers.containsString("as the caller said")));
    }

    @Test
    void previewReturnsTheExtractionAndPublishesNothing() throws Exception {
        byte[] seed = sample(PROGRESS_NOTES);
        given().contentType("text/plain; charset=UTF-8").body(seed).post("/api/documents/preview").then()
                .statusCode(200)
                .body("layout", equalTo("PROGRESS_NOTES_LIST"))
                .body("outcomes", hasSize(5))
                .body("outcomes[0].id", equalTo("XM-DAC-41146-MEX_D_1.1"));
    }

    @Test
    void writesNeedABearerTokenWithTheIngestRole() throws Exception {
        byte[] seed = sample(PROGRESS_NOTES);
        given().contentType("text/plain").body(seed).post("/api/documents").then()
                .statusCode(401);
        given().auth().oauth2(token("reader")).contentType("text/plain").body(seed).post("/api/documents").then()
                .statusCode(403).body("status", equalTo(403));
    }

    @Test
    void badInputGetsAClearJsonErrorAndNothingIsPublished() throws Exception {
        String token = token("ingest");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] notAPdf = "this is not a PDF at all".getBytes(StandardCharsets.UTF_8);
        byte[] truncatedPdf = Arrays.copyOf("%PDF-1.7\n1 0 obj\n<< /Type /Catalog".getBytes(StandardCharsets.US_ASCII), 30);
        byte[] noLayout = "Just some text\nthat is no results framework page\n".getBytes(StandardCharsets.UTF_8);
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        Arrays.fill(tooLarge, (byte) 'a');

        expectError(token, "text/plain", new byte[0], 400);
        expectError(token, "text/plain", garbage, 422);
        expectError(token, "application/pdf", notAPdf, 422);
        expectError(token, "application/pdf", truncatedPdf, 422);
        expectError(token, "text/plain", tooLarge, 413);
        expectError(token, "image/png", noLayout, 415);
        expectError(token, "text/plain", noLayout, 422);

        // The service is still serving, and none of the rejected bytes reached a topic.
        String marker = ingestMarkerDocument();
        eventsOf(marker, 1);
        Set<String> rejected = Set.of(sha256(garbage), sha256(notAPdf), sha256(truncatedPdf), sha256(noLayout),
                sha256(tooLarge));
        for (String topic : List.of("results.outcomes", "results.indicators", "results.budgets")) {
            List<ConsumerRecord<String, String>> all = streams.readUntil(topic, records -> true, PATIENCE);
            assertTrue(all.stream().noneMatch(r -> rejected.contains(documentId(r))), topic + " has a rejected document");
        }
    }

    private static void expectError(String token, String mediaType, byte[] body, int status) {
        given().auth().oauth2(token).contentType(mediaType).body(body).post("/api/documents").then()
                .statusCode(status)
                .contentType("application/json")
                .body("status", equalTo(status))
                .body("message", notNullValue());
    }

    /** A small progress-notes document of its own: once its event is on the topic, earlier sends are too. */
    private static String ingestMarkerDocument() {
        String text = "outcome XM-DAC-41146-TST_D_1." + System.nanoTime() + "\nA statement.\n"
                + "Relevant progress was achieved in this outcome in 2024.\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(token("ingest")).contentType("text/plain").body(bytes).post("/api/documents").then()
                .statusCode(201);
        return sha256(bytes);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String documentId, int atLeast) {
        return streams.readUntil("results.outcomes",
                records -> records.stream().filter(r -> documentId.equals(documentId(r))).count() >= atLeast, PATIENCE)
                .stream().filter(r -> documentId.equals(documentId(r))).toList();
    }

    private static String documentId(ConsumerRecord<String, String> record) {
        try {
            JsonNode id = JSON.readTree(record.value()).at("/document/id");
            return id.isMissingNode() ? null : id.asText();
        } catch (IOException e) {
            return null;
        }
    }

    static String token(String role) {
        return Jwt.issuer("resultsflow").upn("tester").groups(role).expiresIn(300).sign();
    }

    static byte[] sample(String path) throws IOException {
        try (InputStream in = DocumentIngestTest.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing test resource " + path);
            }
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
