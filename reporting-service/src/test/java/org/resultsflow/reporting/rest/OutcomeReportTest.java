package org.resultsflow.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/** catalog.changes in, the outcome progress read model out, on a real broker and database. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class OutcomeReportTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String DOCUMENT_ID = "0".repeat(63) + "1";

    static final EventStreams streams = EventStreams.shared();

    @Test
    void listsAnOfficesOutcomesWithTheirProgressTimeline() throws Exception {
        String office = uniqueOffice();
        String first = office + "_D_1.1";
        String second = office + "_D_2.1";
        publish(change(first, 1, "First statement", note(2024, "Relevant progress was achieved. More text follows.")));
        publish(change(second, 1, "Second statement", note(2023, "Not achieved."), note(2024, "On track in 2024.")));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("office", office)
                .get("/api/reports/outcomes").then().statusCode(200)
                .body("", hasSize(2))
                .body("id", equalTo(List.of(full(first), full(second))))
                .body("[0].statement", equalTo("First statement"))
                .body("[0].progressNotes[0].year", equalTo(2024))
                .body("[0].progressNotes[0].firstSentence", equalTo("Relevant progress was achieved."))
                .body("[1].progressNotes.year", equalTo(List.of(2023, 2024))));
    }

    @Test
    void theTimelineListsOutputNotesAndPutsUndatedNotesAfterTheDatedOnes() throws Exception {
        String office = uniqueOffice();
        String code = office + "_D_1.1";
        Provenance provenance = provenance();
        List<CatalogOutput> outputs = List.of(
                new CatalogOutput(code + ".1", "Coded output", provenance,
                        List.of(new CatalogProgressNote(2023, null, 1, "ON_TRACK", "Output on track.", false, provenance))),
                new CatalogOutput(null, "An output shown without its code", provenance,
                        List.of(new CatalogProgressNote(null, null, 1, "UNSTATED", "Cut off", true, provenance))));
        CatalogOutcome outcome = new CatalogOutcome(full(code), code, office, "2022-2026", "Statement", null, List.of(),
                List.of(), List.of(), null, null, Map.of("statement", provenance), outputs,
                List.of(new CatalogProgressNote(null, null, 1, "UNSTATED", "Undated one.", false, provenance),
                        new CatalogProgressNote(null, null, 2, "UNSTATED", "Undated two.", false, provenance),
                        note(2024, "Dated.")));
        publish(new OutcomeChanged(full(code), 1, List.of("progressNotes"), Instant.now(), outcome));

        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/reports/outcomes/{id}/progress", code).then()
                .statusCode(200)
                .body("text", equalTo(List.of("Output on track.", "Dated.", "Undated one.", "Undated two.", "Cut off")))
                .body("year", equalTo(java.util.Arrays.asList(2023, 2024, null, null, null)))
                .body("sequence", equalTo(List.of(1, 1, 1, 2, 1)))
                .body("outputCode", equalTo(java.util.Arrays.asList(code + ".1", null, null, null, null)))
                .body("[4].outputStatement", equalTo("An output shown without its code"))
                .body("[4].partial", equalTo(true))
                .body("[2].yearBasis", equalTo("NONE")));
        given().queryParam("office", office).get("/api/reports/outcomes").then().statusCode(200)
                .body("[0].progressNotes", hasSize(5));
        given().get("/outcomes/{id}", code).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("undated"));
    }

    @Test
    void anOlderOrRepeatedChangeIsIgnored() throws Exception {
        String office = uniqueOffice();
        String code = office + "_D_1.1";
        String eventId = UUID.randomUUID().toString();
        publish(eventId, change(code, 2, "Version two", note(2024, "Two.")));
        publish(UUID.randomUUID().toString(), change(code, 1, "Version one", note(2024, "One.")));
        publish(eventId, change(code, 2, "Version two again, same event id", note(2024, "Two.")));
        // Same key, so same partition: once this one is applied, the ones before it were seen.
        publish(change(code, 3, "Version three", note(2024, "Three.")));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("office", office)
                .get("/api/reports/outcomes").then().statusCode(200)
                .body("[0].catalogVersion", equalTo(3))
                .body("[0].statement", equalTo("Version three")));
    }

    @Test
    void aPoisonChangeGoesToTheDeadLetterTopicAndTheNextIsApplied() throws Exception {
        String office = uniqueOffice();
        String poisonKey = full(office + "_D_9.9");
        streams.send("catalog.changes", poisonKey, UUID.randomUUID().toString(), EventTypes.CATALOG_OUTCOME, "[1, 2");
        publish(change(office + "_D_1.1", 1, "After the poison", note(2024, "Fine.")));

        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("office", office)
                .get("/api/reports/outcomes").then().statusCode(200).body("[0].statement", equalTo("After the poison")));
        List<ConsumerRecord<String, String>> dead = streams.readUntil("reporting.dlq",
                records -> records.stream().anyMatch(r -> poisonKey.equals(r.key())), PATIENCE);
        ConsumerRecord<String, String> poison = dead.stream().filter(r -> poisonKey.equals(r.key())).findFirst().orElseThrow();
        assertEquals("[1, 2", poison.value());
        assertEquals("catalog.changes", CloudEventRecords.header(poison, DeadLetterHeaders.TOPIC));
        assertNotNull(CloudEventRecords.header(poison, DeadLetterHeaders.REASON));
    }

    @Inject
    AnswerCache answers;

    @Test
    void anUnchangedAnswerIsNotModifiedAndAChangeCommittedAfterItIsServedAfresh() throws Exception {
        String office = uniqueOffice();
        String code = office + "_D_1.1";
        publish(change(code, 1, "Version one", note(2024, "One.")));
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("office", office).get("/api/reports/outcomes")
                .then().statusCode(200).body("[0].statement", equalTo("Version one")));

        var first = given().queryParam("office", office).get("/api/reports/outcomes").then().statusCode(200).extract();
        String tag = first.header("ETag");
        assertNotNull(tag);
        var again = given().queryParam("office", office).get("/api/reports/outcomes").then().statusCode(200).extract();
        assertEquals(first.asString(), again.asString());
        assertEquals(tag, again.header("ETag"));
        assertTrue(answers.size() > 0, "the answer was kept");
        given().queryParam("office", office).header("If-None-Match", tag).get("/api/reports/outcomes").then()
                .statusCode(304).header("ETag", equalTo(tag));
        // CSV is another representation of the same request: never the JSON kept for it.
        given().queryParam("office", office).accept("text/csv").get("/api/reports/outcomes").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"));

        publish(change(code, 2, "Version two", note(2024, "Two.")));
        await().atMost(PATIENCE).untilAsserted(() -> given().queryParam("office", office)
                .header("If-None-Match", tag).get("/api/reports/outcomes").then().statusCode(200)
                .body("[0].statement", equalTo("Version two"))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(tag))));
    }

    private static void publish(OutcomeChanged change) throws Exception {
        publish(UUID.randomUUID().toString(), change);
    }

    private static void publish(String eventId, OutcomeChanged change) throws Exception {
        streams.send("catalog.changes", change.outcomeId(), eventId, EventTypes.CATALOG_OUTCOME,
                JSON.writeValueAsString(change));
    }

    private static OutcomeChanged change(String code, long version, String statement, CatalogProgressNote... notes) {
        String office = code.substring(0, code.indexOf('_'));
        Provenance provenance = provenance();
        CatalogOutcome outcome = new CatalogOutcome(full(code), code, office, "2020-2025", statement, null, List.of(),
                List.of(), List.of(), null, null, Map.of("statement", provenance), List.of(), List.of(notes));
        return new OutcomeChanged(full(code), version, List.of("statement"), Instant.now(), outcome);
    }

    private static CatalogProgressNote note(int year, String text) {
        return new CatalogProgressNote(year, null, 1, "UNSTATED", text, false, provenance());
    }

    private static Provenance provenance() {
        return new Provenance(DOCUMENT_ID, "test.txt", LineRange.of(4), LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);
    }

    private static String full(String code) {
        return "XM-DAC-41146-" + code;
    }

    /** Offices are upper-case letters; a fresh one per test keeps tests apart on the shared topic. */
    private static String uniqueOffice() {
        StringBuilder office = new StringBuilder("T");
        UUID.randomUUID().toString().chars().filter(Character::isLetterOrDigit).limit(6)
                .forEach(c -> office.append((char) ('A' + Character.digit(c, 16))));
        return office.toString();
    }
}
