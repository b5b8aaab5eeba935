package org.resultsflow.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.reporting.ChangeFixtures;
import org.resultsflow.reporting.Reports;
import org.resultsflow.reporting.SeedCatalog;
import org.resultsflow.reporting.Tables;

/**
 * A poison record on catalog.changes: the database refuses the budget it carries (a constraint that names it, added
 * for the test: the cause), so it is set aside on reporting.dlq and in the table, listed by the admin API, refused
 * again while the cause lasts, and once the constraint is gone replayed and applied exactly once, however often it is
 * replayed after.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class DeadLetterAdminTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final EventStreams streams = EventStreams.shared();
    static final String PATH = "/api/admin/dead-letters";
    static final String TOPIC = "catalog.changes";

    @Inject
    Pool pool;

    @Test
    void aPoisonChangeIsSetAsideListedAndAppliedOnceAfterTheFix() throws Exception {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_1.1";
        String budgetId = office + "_D_1.1.1/2022";
        String data = SeedCatalog.JSON.writeValueAsString(ChangeFixtures.budget(budgetId, outcome, 1, "$3 M"));
        String constraint = "poison_" + office.toLowerCase(java.util.Locale.ROOT);
        sql("ALTER TABLE report_budget ADD CONSTRAINT " + constraint + " CHECK (id <> '" + budgetId + "') NOT VALID");
        String eventId = UUID.randomUUID().toString();
        try {
            streams.send(TOPIC, budgetId, eventId, EventTypes.CATALOG_BUDGET, data);
            JsonPath listed = awaitListed(eventId);
            long id = listed.getLong("id");
            assertEquals(budgetId, listed.getString("key"));
            assertEquals(EventTypes.CATALOG_BUDGET, listed.getString("eventType"));
            assertEquals(data, listed.getString("payload"));
            assertEquals(TOPIC, listed.getString("topic"));
            assertTrue(listed.getString("reason").contains(constraint), listed.getString("reason"));
            assertTrue(streams.readUntil("reporting.dlq", records -> records.stream().anyMatch(r -> eventId.equals(
                    CloudEventRecords.header(r, CloudEventRecords.ID))), PATIENCE).stream()
                    .filter(r -> eventId.equals(CloudEventRecords.header(r, CloudEventRecords.ID)))
                    .allMatch(r -> TOPIC.equals(CloudEventRecords.header(r, DeadLetterHeaders.TOPIC))));
            assertEquals(0, Reports.json("/api/reports/budget-utilisation", "office", office).size());

            JsonPath early = replay(Map.of("ids", List.of(id)), 200);
            assertEquals(List.of((int) id), early.getList("refused.id"), early.prettify());
            assertEquals(0, count("SELECT count(*) FROM report_budget WHERE id = $1", budgetId));

            sql("ALTER TABLE report_budget DROP CONSTRAINT " + constraint);
            JsonPath fixed = replay(Map.of("topic", TOPIC), 200);
            assertTrue(fixed.getList("applied").contains((int) id), fixed.prettify());
            JsonNode budget = Reports.json("/api/reports/budget-utilisation", "office", office).get(0);
            assertEquals(0, new BigDecimal("3000000").compareTo(Reports.decimal(budget, "planned")));

            // Again, by id: the event's id is among the applied ones, so nothing more is written.
            assertEquals(List.of((int) id), replay(Map.of("ids", List.of(id)), 200).getList("applied"));
            assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = $1", eventId));
            assertEquals(1, count("SELECT count(*) FROM report_budget WHERE id = $1", budgetId));
            assertEquals(1, count("SELECT count(*) FROM dead_letter WHERE event_id = $1", eventId));
            given().auth().oauth2(token("admin")).get(PATH + "?state=replayed&size=500").then()
                    .statusCode(200).body("find { it.id == " + id + " }.eventId", equalTo(eventId));
        } finally {
            sql("ALTER TABLE report_budget DROP CONSTRAINT IF EXISTS " + constraint);
        }
    }

    @Test
    void aChangeWithoutItsRecordStaysPendingWhenReplayedWithTheReasonAndTheApiWantsAnAdmin() {
        String eventId = UUID.randomUUID().toString();
        streams.send(TOPIC, "T_D_9.9/2022", eventId, EventTypes.CATALOG_BUDGET,
                "{\"budgetId\":\"T_D_9.9/2022\",\"version\":1,\"changed\":[],\"changedAt\":\"2024-01-01T00:00:00Z\"}");
        long id = awaitListed(eventId).getLong("id");

        JsonPath report = replay(Map.of("ids", List.of(id)), 200);
        assertEquals(List.of(), report.getList("applied"));
        assertEquals(List.of((int) id), report.getList("refused.id"), report.prettify());

        given().get(PATH).then().statusCode(401);
        given().auth().oauth2(token("reader")).get(PATH).then().statusCode(403);
        given().auth().oauth2(token("reader")).contentType(ContentType.JSON).body("{}").post(PATH + "/replay")
                .then().statusCode(403);
        given().auth().oauth2(token("admin")).get(PATH + "?size=0").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        replay(Map.of("topic", "results.outcomes"), 400);
    }

    /** The dead letter of this event, once the API lists it among the pending ones. */
    private JsonPath awaitListed(String eventId) {
        JsonPath[] found = new JsonPath[1];
        await().atMost(PATIENCE).untilAsserted(() -> {
            String body = given().auth().oauth2(token("admin")).get(PATH + "?topic=" + TOPIC + "&state=pending&size=500")
                    .then().statusCode(200).header("X-Total-Count", notNullValue()).extract().asString();
            List<Map<String, Object>> letters = JsonPath.from(body).getList("findAll { it.eventId == '" + eventId + "' }");
            assertEquals(1, letters.size(), body);
            found[0] = JsonPath.from(SeedCatalog.JSON.writeValueAsString(letters.get(0)));
        });
        return found[0];
    }

    private JsonPath replay(Map<String, Object> request, int status) {
        return given().auth().oauth2(token("admin")).contentType(ContentType.JSON).body(request)
                .post(PATH + "/replay").then().statusCode(status).extract().jsonPath();
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
