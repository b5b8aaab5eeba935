package org.resultsflow.catalog.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * A poison record on each ingest topic: the database refuses what it says (a constraint that names its document,
 * added for the test: the cause), so it is set aside on catalog.dlq and in the table, listed by the admin API, refused
 * again while the cause lasts, and once the constraint is gone replayed and applied exactly once, however often it is
 * replayed after.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class DeadLetterAdminTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final EventStreams streams = EventStreams.shared();
    static final String PATH = "/api/admin/dead-letters";

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void aPoisonOutcomeIsSetAsideListedAndAppliedOnceAfterTheFix() throws Exception {
        String outcomeId = OutcomeCatalogTest.uniqueOutcomeId();
        SourceDocument document = OutcomeCatalogTest.document(LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);
        String data = json.writeValueAsString(new OutcomeReported(document, OutcomeCatalogTest.outcome(outcomeId,
                "Refused until the fix", OutcomeCatalogTest.note(2024, "ON_TRACK", "On track.", LineRange.of(9)))));
        poisonThenFix("results.outcomes", outcomeId, EventTypes.OUTCOME_REPORTED, data, document,
                "/api/outcomes/" + outcomeId);
    }

    @Test
    void aPoisonIndicatorIsSetAsideListedAndAppliedOnceAfterTheFix() throws Exception {
        String outcomeId = OutcomeCatalogTest.uniqueOutcomeId();
        SourceDocument document = IndicatorCatalogTest.document("poison-indicator.txt", LocalDate.of(2024, 12, 31));
        Indicator indicator = IndicatorCatalogTest.indicator("T_1", "Refused until the fix", outcomeId, null,
                IndicatorCatalogTest.observation(2023, ObservationKind.RESULT, IndicatorCatalogTest.number("3"), 4));
        String data = json.writeValueAsString(new IndicatorReported(document, indicator));
        poisonThenFix("results.indicators", indicator.key(), EventTypes.INDICATOR_REPORTED, data, document,
                "/api/indicators/" + indicator.key());
    }

    @Test
    void aPoisonBudgetIsSetAsideListedAndAppliedOnceAfterTheFix() throws Exception {
        String outcomeId = OutcomeCatalogTest.uniqueOutcomeId();
        SourceDocument document = IndicatorCatalogTest.document("poison-budget.txt", LocalDate.of(2024, 12, 31));
        Budget budget = new Budget(outcomeId, BudgetEntityType.OUTCOME, outcomeId, 2024,
                new Money("$2.00 M", new BigDecimal("2000000")), null, null, null, null, null, List.of(), LineRange.of(3));
        String data = json.writeValueAsString(new BudgetReported(document, budget));
        poisonThenFix("results.budgets", outcomeId, EventTypes.BUDGET_REPORTED, data, document,
                "/api/budgets?outcome=" + outcomeId);
    }

    /**
     * Half a surrogate pair (valid JSON, written as an escape, but no character): the record is set aside with the
     * reason, and the next record of the partition is applied, rather than the batch retried for ever.
     */
    @Test
    void aRecordWithHalfACharacterIsSetAsideAndThePartitionGoesOn() throws Exception {
        String outcomeId = OutcomeCatalogTest.uniqueOutcomeId();
        SourceDocument document = OutcomeCatalogTest.document(LocalDate.of(2024, 12, 31), AsOfBasis.DATA_YEAR);
        String data = json.writeValueAsString(new OutcomeReported(document, OutcomeCatalogTest.outcome(outcomeId,
                "Broken HALF here", OutcomeCatalogTest.note(2024, "ON_TRACK", "On track.", LineRange.of(9)))))
                .replace("HALF", "\\ud800");
        String eventId = UUID.randomUUID().toString();
        streams.send("results.outcomes", outcomeId, eventId, EventTypes.OUTCOME_REPORTED, data);
        JsonPath listed = awaitListed("results.outcomes", eventId);
        assertTrue(listed.getString("reason").contains("surrogate"), listed.getString("reason"));

        // Sent after, not with it: in one batch the later reading of the outcome would replace the broken one.
        String next = json.writeValueAsString(new OutcomeReported(document, OutcomeCatalogTest.outcome(outcomeId,
                "Whole characters only", OutcomeCatalogTest.note(2024, "ON_TRACK", "On track.", LineRange.of(9)))));
        streams.send("results.outcomes", outcomeId, UUID.randomUUID().toString(), EventTypes.OUTCOME_REPORTED, next);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/api/outcomes/" + outcomeId).then().statusCode(200)
                .body("statement", equalTo("Whole characters only")));
    }

    @Test
    void aRecordThatIsNotJsonStaysPendingWhenReplayedWithTheReasonAndTheApiWantsAnAdmin() {
        String key = OutcomeCatalogTest.uniqueOutcomeId();
        String eventId = UUID.randomUUID().toString();
        streams.send("results.outcomes", key, eventId, EventTypes.OUTCOME_REPORTED, "{ not json");
        long id = awaitListed("results.outcomes", eventId).getLong("id");

        JsonPath report = replay(Map.of("ids", List.of(id)), 200);
        assertEquals(List.of(), report.getList("applied"));
        assertEquals(List.of((int) id), report.getList("refused.id"));
        assertTrue(report.getString("refused[0].reason").contains("not JSON"), report.prettify());
        given().auth().oauth2(token("admin")).get(PATH + "?topic=results.outcomes&state=pending&size=500").then()
                .statusCode(200).body("find { it.id == " + id + " }.state", equalTo("PENDING"));

        given().get(PATH).then().statusCode(401).contentType(ContentType.JSON).body("status", equalTo(401));
        given().auth().oauth2(token("ingest")).get(PATH).then().statusCode(403).contentType(ContentType.JSON)
                .body("status", equalTo(403));
        given().auth().oauth2(token("ingest")).contentType(ContentType.JSON).body("{}").post(PATH + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(token("admin")).get(PATH + "?state=lost").then().statusCode(400)
                .body("violations[0].field", equalTo("state"));
        replay(Map.of("ids", List.of(id), "topic", "results.outcomes"), 400);
        replay(Map.of("topic", "catalog.changes"), 400);
    }

    /**
     * Sends the record while the database refuses its document, checks it is set aside and listed, refused again
     * while the cause lasts, then removes the cause and replays it twice: applied once, its effect (claims and
     * change events) the same after the second replay.
     */
    private void poisonThenFix(String topic, String key, String type, String data, SourceDocument document,
            String appliedAt) throws Exception {
        String constraint = "poison_" + document.id().substring(0, 12);
        sql("ALTER TABLE source_document ADD CONSTRAINT " + constraint + " CHECK (id <> '" + document.id() + "') NOT VALID");
        String eventId = UUID.randomUUID().toString();
        try {
            streams.send(topic, key, eventId, type, data);
            JsonPath listed = awaitListed(topic, eventId);
            long id = listed.getLong("id");
            assertEquals(key, listed.getString("key"));
            assertEquals(type, listed.getString("eventType"));
            assertEquals(data, listed.getString("payload"));
            assertTrue(listed.getString("reason").contains(constraint), listed.getString("reason"));
            assertTrue(listed.getList("headers.name").contains(CloudEventRecords.ID), listed.prettify());
            assertTrue(streams.readUntil("catalog.dlq", records -> records.stream().anyMatch(r -> eventId.equals(
                    CloudEventRecords.header(r, CloudEventRecords.ID))), PATIENCE).stream()
                    .filter(r -> eventId.equals(CloudEventRecords.header(r, CloudEventRecords.ID)))
                    .allMatch(r -> topic.equals(CloudEventRecords.header(r, DeadLetterHeaders.TOPIC))));
            assertEquals(0, effects(document), "nothing of the refused record was written");

            JsonPath early = replay(Map.of("ids", List.of(id)), 200);
            assertEquals(List.of((int) id), early.getList("refused.id"), early.prettify());

            sql("ALTER TABLE source_document DROP CONSTRAINT " + constraint);
            JsonPath fixed = replay(Map.of("topic", topic), 200);
            assertTrue(fixed.getList("applied").contains((int) id), fixed.prettify());
            given().get(appliedAt).then().statusCode(200);
            long effects = effects(document);
            assertTrue(effects > 0, "the replayed record was applied");

            // Again, by id: the event's id is among the applied ones, so nothing more is written.
            assertEquals(List.of((int) id), replay(Map.of("ids", List.of(id)), 200).getList("applied"));
            assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = $1", eventId));
            assertEquals(effects, effects(document), "applied once");
            assertEquals(1, count("SELECT count(*) FROM dead_letter WHERE event_id = $1", eventId));
            given().auth().oauth2(token("admin")).get(PATH + "?state=replayed&topic=" + topic + "&size=500").then()
                    .statusCode(200).body("find { it.id == " + id + " }.eventId", equalTo(eventId));
        } finally {
            sql("ALTER TABLE source_document DROP CONSTRAINT IF EXISTS " + constraint);
        }
    }

    /** The dead letter of this event, once the API lists it among the pending ones of its topic. */
    private JsonPath awaitListed(String topic, String eventId) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            String body = given().auth().oauth2(token("admin"))
                    .get(PATH + "?topic=" + topic + "&state=pending&size=500").then().statusCode(200)
                    .header("X-Total-Count", notNullValue()).extract().asString();
            JsonPath page = JsonPath.from(body);
            List<Map<String, Object>> letters = page.getList("findAll { it.eventId == '" + eventId + "' }");
            assertEquals(1, letters.size(), body);
            found[0] = JsonPath.from(json.writeValueAsString(letters.get(0)));
        });
        return found[0];
    }

    private JsonPath replay(Map<String, Object> request, int status) {
        return given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(request)
                .post(PATH + "/replay").then().statusCode(status).extract().jsonPath();
    }

    /** The claims and change events the document's records brought. */
    private long effects(SourceDocument document) {
        return count("SELECT count(*) FROM claim WHERE document_id = $1", document.id())
                + count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%' || $1 || '%'", document.id());
    }

    private long count(String query, String parameter) {
        return pool.preparedQuery(query).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    private static String token(String role) {
        return Jwt.issuer("resultsflow").upn("operator").groups(role).expiresIn(300).sign();
    }
}
