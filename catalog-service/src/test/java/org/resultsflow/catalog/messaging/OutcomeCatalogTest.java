package org.resultsflow.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/** Outcome events in, canonical outcomes and catalog.changes out, on a real broker and database. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutcomeCatalogTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final EventStreams streams = EventStreams.shared();

    @Test
    void laterDocumentWinsAndEveryChangeIsPublishedWithItsProvenance() throws Exception {
        String outcomeId = uniqueOutcomeId();
        SourceDocument older = document(LocalDate.of(2021, 12, 31), AsOfBasis.DATA_YEAR);
        SourceDocument newer = document(LocalDate.of(2024, 11, 23), AsOfBasis.DECLARED_DATE);

        // The newer document arrives first: arrival order must not matter.
        publish(newer, outcome(outcomeId, "Statement as of 2024", note(2023, "NOT_ACHIEVED_BUT_PROGRESS",
                "This outcome was not achieved in 2023.", LineRange.of(9))));
        publish(older, outcome(outcomeId, "Statement as of 2021", note(2021, "ACHIEVED",
                "This outcome has achieved substantial progress in 2021.", LineRange.of(30))));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/{id}", outcomeId).then()
                .statusCode(200)
                .body("statement", equalTo("Statement as of 2024"))
                .body("provenance.statement.documentId", equalTo(newer.id()))
                .body("provenance.statement.lines.first", equalTo(7))
                .body("outputs", hasSize(1))
                .body("progressNotes.year", equalTo(List.of(2021, 2023)))
                .body("progressNotes[0].provenance.documentId", equalTo(older.id())));

        // Two changes, or one where both documents came in one batch: the last one published holds both.
        List<ConsumerRecord<String, String>> changes = streams.readUntil("catalog.changes",
                records -> lastChange(records, outcomeId).map(r -> notes(r) == 2).orElse(false), PATIENCE);
        ConsumerRecord<String, String> last = lastChange(changes, outcomeId).orElseThrow();
        assertEquals(EventTypes.CATALOG_OUTCOME, CloudEventRecords.type(last));
        JsonNode data = JSON.readTree(last.value());
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_OUTCOME, data));
        assertEquals("Statement as of 2024", data.at("/outcome/statement").asText());
        assertNotNull(CloudEventRecords.header(last, "ce_id"));
    }

    @Test
    void undatedNotesAndACodelessOutputWithItsNoteAreKept() throws Exception {
        String outcomeId = uniqueOutcomeId();
        String code = outcomeId.substring("XM-DAC-41146-".length());
        SourceDocument document = document(LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);
        Outcome outcome = new Outcome(outcomeId, code, "TST", "2022-2026", "Statement", null, List.of(), List.of(),
                List.of(), null, null,
                List.of(new Output(null, "Capacities strengthened",
                        List.of(new ProgressNote(null, null, 1, "ON_TRACK", "An output note.", true, LineRange.of(41))),
                        new LineRange(40, 41))),
                List.of(new ProgressNote(null, null, 1, "UNSTATED", "First.", false, LineRange.of(9)),
                        new ProgressNote(null, null, 2, "UNSTATED", "Second.", false, LineRange.of(10))),
                new LineRange(7, 41));
        publish(document, outcome);

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/{id}", outcomeId).then()
                .statusCode(200)
                .body("progressNotes.text", equalTo(List.of("First.", "Second.")))
                .body("progressNotes.sequence", equalTo(List.of(1, 2)))
                .body("outputs", hasSize(1))
                .body("outputs[0].code", equalTo(null))
                .body("outputs[0].statement", equalTo("Capacities strengthened"))
                .body("outputs[0].progressNotes[0].text", equalTo("An output note."))
                .body("outputs[0].progressNotes[0].partial", equalTo(true)));
        List<ConsumerRecord<String, String>> changes = streams.readUntil("catalog.changes",
                records -> lastVersion(records, outcomeId) == 1, PATIENCE);
        JsonNode data = JSON.readTree(changes.stream().filter(r -> outcomeId.equals(r.key())).reduce((a, b) -> b)
                .orElseThrow().value());
        assertEquals(List.of(), EventSchemas.violations(EventTypes.CATALOG_OUTCOME, data));
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() throws Exception {
        String outcomeId = uniqueOutcomeId();
        SourceDocument document = document(LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);
        Outcome outcome = outcome(outcomeId, "Once", note(2024, "ON_TRACK", "On track.", LineRange.of(9)));
        String eventId = UUID.randomUUID().toString();

        publish(eventId, document, outcome);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/{id}", outcomeId).then().statusCode(200));
        publish(eventId, document, outcome);
        // A marker event on the same partition: once it is applied, the duplicate before it was seen too.
        String markerId = uniqueOutcomeId();
        publish(document, outcome(markerId, "Marker", note(2024, "ON_TRACK", "x", LineRange.of(9))));
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/{id}", markerId).then().statusCode(200));

        List<ConsumerRecord<String, String>> changes = streams.readUntil("catalog.changes",
                records -> lastVersion(records, markerId) == 1, PATIENCE);
        assertEquals(1, changes.stream().filter(r -> outcomeId.equals(r.key())).count(),
                "the repeated event must not produce a second change");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheNextRecordIsApplied() throws Exception {
        String poisonKey = uniqueOutcomeId();
        streams.send("results.outcomes", poisonKey, UUID.randomUUID().toString(), EventTypes.OUTCOME_REPORTED,
                "{ this is not json");
        String nextId = uniqueOutcomeId();
        publish(document(null, AsOfBasis.NONE), outcome(nextId, "After the poison",
                note(2024, "ON_TRACK", "x", LineRange.of(9))));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/{id}", nextId).then()
                .statusCode(200).body("statement", equalTo("After the poison")));
        List<ConsumerRecord<String, String>> dead = streams.readUntil("catalog.dlq",
                records -> records.stream().anyMatch(r -> poisonKey.equals(r.key())), PATIENCE);
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertEquals("{ this is not json", poison.value());
        assertEquals("results.outcomes", CloudEventRecords.header(poison, DeadLetterHeaders.TOPIC));
        assertNotNull(CloudEventRecords.header(poison, DeadLetterHeaders.REASON));
    }

    @Test
    void unknownOutcomeIsANotFoundInJson() {
        given().get("/api/outcomes/{id}", "XM-DAC-41146-NOPE_D_9.9").then()
                .statusCode(404)
                .body("status", equalTo(404));
    }

    private static long lastVersion(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).mapToLong(r -> {
            try {
                return JSON.readTree(r.value()).get("version").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).max().orElse(0);
    }

    private static Optional<ConsumerRecord<String, String>> lastChange(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).reduce((a, b) -> b);
    }

    private static int notes(ConsumerRecord<String, String> change) {
        try {
            return JSON.readTree(change.value()).at("/outcome/progressNotes").size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(SourceDocument document, Outcome outcome) throws Exception {
        publish(UUID.randomUUID().toString(), document, outcome);
    }

    private static void publish(String eventId, SourceDocument document, Outcome outcome) throws Exception {
        streams.send("results.outcomes", outcome.id(), eventId, EventTypes.OUTCOME_REPORTED,
                JSON.writeValueAsString(new OutcomeReported(document, outcome)));
    }

    static String uniqueOutcomeId() {
        return "XM-DAC-41146-TST_D_" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 100000) + "."
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1000);
    }

    static SourceDocument document(LocalDate asOf, AsOfBasis basis) {
        String id = sha(UUID.randomUUID().toString());
        return new SourceDocument(id, "doc-" + id.substring(0, 6) + ".txt", "text/plain", "OUTCOME_PAGE", asOf, basis);
    }

    /** A note whose year the page states, the first of its year. */
    static ProgressNote note(int year, String status, String text, LineRange lines) {
        return new ProgressNote(year, ProgressNote.YearBasis.PAGE, 1, status, text, false, lines);
    }

    static Outcome outcome(String id, String statement, ProgressNote note) {
        String code = id.substring("XM-DAC-41146-".length());
        return new Outcome(id, code, "TST", "2020-2025", statement, null, List.of(), List.of(), List.of(), null, null,
                List.of(new Output(code + ".1", "An output of " + code, new LineRange(20, 21))),
                List.of(note), new LineRange(7, 9));
    }

    private static String sha(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
