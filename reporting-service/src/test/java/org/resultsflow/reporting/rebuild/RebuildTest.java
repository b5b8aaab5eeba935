package org.resultsflow.reporting.rebuild;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;
import org.resultsflow.reporting.ChangeFixtures;
import org.resultsflow.reporting.Reports;
import org.resultsflow.reporting.SeedCatalog;
import org.resultsflow.reporting.Tables;

/**
 * POST /api/admin/rebuild: replaying catalog.changes into fresh tables and swapping them in gives exactly the
 * read models the live consumer built, and a change that arrives during the rebuild is not lost.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class RebuildTest {

    private static final Logger LOG = Logger.getLogger(RebuildTest.class);

    @Test
    void onlyAnAdminMayRebuild() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(token("reporting")).post("/api/admin/rebuild").then().statusCode(403);
        given().auth().oauth2(token("admin")).get("/api/admin/rebuild").then().statusCode(200);
    }

    @Test
    void theRebuiltReadModelsEqualTheLiveOnesAndNothingArrivingMeanwhileIsLost() throws Exception {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_2.1";
        List<SeedCatalog.Event> seeds = new SeedCatalog(office).events();
        try (EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers())) {
            seeds.forEach(e -> e.send(streams));
            await().atMost(Duration.ofSeconds(60)).until(() -> Reports.json("/api/reports/budget-utilisation",
                    "office", office).size() == 8 && Reports.json("/api/reports/funding", "office", office).size() == 12);
            Map<String, List<String>> live = quiescentDump();

            JsonNode done = rebuildAndWait(() -> { });
            assertEquals("SUCCEEDED", done.get("state").asText(), done.toString());
            Map<String, List<String>> rebuilt = Tables.dump();
            for (String table : live.keySet()) {
                assertEquals(live.get(table), rebuilt.get(table), "table " + table + " after the rebuild");
            }
            assertTrue(done.get("recordsReplayed").asLong() >= seeds.size(), done.toString());
            assertTrue(done.get("replayedByType").get(EventTypes.CATALOG_INDICATOR).asLong() >= 39, done.toString());
            assertTrue(done.get("replayedByType").has(EventTypes.CATALOG_BUDGET), done.toString());
            assertTrue(done.get("replayedByType").has(EventTypes.CATALOG_FUNDING), done.toString());
            assertTrue(done.get("rejected").asLong() >= 1, "the poison of other tests: " + done);
            assertTrue(done.get("durationMillis").asLong() >= 0, done.toString());
            assertEquals(live.get("report_attainment").size(), done.get("rowsSwappedIn").get("report_attainment").asLong());
            LOG.infof("Rebuild: %s", done);

            // A change published while a rebuild runs is in the read models afterwards, whichever side of the
            // swap the live consumer applied it on.
            String budgetId = office + "_D_2.1.3/2022";
            JsonNode during = rebuildAndWait(() -> streams.send("catalog.changes", budgetId, java.util.UUID.randomUUID().toString(),
                    EventTypes.CATALOG_BUDGET, json(ChangeFixtures.budget(budgetId, outcome, 2, "$9 M"))));
            assertEquals("SUCCEEDED", during.get("state").asText(), during.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode budget = Reports.only(Reports.json("/api/reports/budget-utilisation", "office", office, "year", 2022),
                        b -> Reports.is(b, "entityId", office + "_D_2.1.3"));
                return new BigDecimal("9000000").compareTo(Reports.decimal(budget, "planned")) == 0;
            });

            // And replaying once more still gives what the live consumer has.
            Map<String, List<String>> liveAgain = quiescentDump();
            assertEquals("SUCCEEDED", rebuildAndWait(() -> { }).get("state").asText());
            assertEquals(liveAgain, Tables.dump());
        }
    }

    private static JsonNode rebuildAndWait(Runnable meanwhile) throws Exception {
        String admin = token("admin");
        given().auth().oauth2(admin).post("/api/admin/rebuild").then().statusCode(202).body("state", equalTo("RUNNING"));
        meanwhile.run();
        given().auth().oauth2(admin).post("/api/admin/rebuild").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(409), org.hamcrest.Matchers.is(202)));
        JsonNode[] status = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String body = given().auth().oauth2(admin).get("/api/admin/rebuild").then().statusCode(200).extract().asString();
            status[0] = SeedCatalog.JSON.readTree(body);
            return !"RUNNING".equals(status[0].get("state").asText());
        });
        return status[0];
    }

    /** A dump once the live consumer has caught up: two dumps a second apart that agree. */
    private static Map<String, List<String>> quiescentDump() throws InterruptedException {
        Map<String, List<String>> previous = Tables.dump();
        while (true) {
            Thread.sleep(1000);
            Map<String, List<String>> next = Tables.dump();
            if (next.equals(previous)) {
                return next;
            }
            previous = next;
        }
    }

    static String token(String role) {
        return Jwt.issuer("resultsflow").upn("tester").groups(role).expiresIn(300).sign();
    }

    private static String json(Object data) {
        try {
            return SeedCatalog.JSON.writeValueAsString(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
