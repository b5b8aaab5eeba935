package org.resultsflow.reporting.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resultsflow.reporting.Reports.decimal;
import static org.resultsflow.reporting.Reports.is;
import static org.resultsflow.reporting.Reports.only;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;
import org.resultsflow.reporting.Reports;
import org.resultsflow.reporting.SeedCatalog;

/**
 * The figures of the seeds, end to end: the catalog changes the seeds make (built from the ingest goldens)
 * through catalog.changes into the read models, out of the JSON and CSV endpoints. Each expected figure is
 * checked against the seed text in the comments.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportFiguresTest {

    static final String MEX21 = "XM-DAC-41146-MEX_D_2.1";
    static final String MEX41 = "XM-DAC-41146-MEX_D_4.1";
    static final String IND_213A = "MEX_D_2.1.3::MEX_D_2.1.3A";
    static final String IND_212A = "MEX_D_2.1.2::MEX_D_2.1.2A";
    static final String IND_212B = "MEX_D_2.1.2::MEX_D_2.1.2B";

    static boolean published;

    /** Once per class, but after Quarkus has pointed RestAssured at the application. */
    @BeforeEach
    void publishTheSeeds() {
        if (published) {
            return;
        }
        published = true;
        try (EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers())) {
            new SeedCatalog("MEX").events().forEach(e -> e.send(streams));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode funding = Reports.json("/api/reports/funding", "outcome", MEX41);
            JsonNode attainment = Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.2");
            JsonNode budgets = Reports.json("/api/reports/budget-utilisation", "outcome", MEX21);
            JsonNode outcomes = Reports.json("/api/reports/outcomes", "office", "MEX");
            return funding.size() == 10 && attainment.size() >= 12 && budgets.size() == 8 && outcomes.size() == 2;
        });
    }

    @Test
    void output_2_1_1_fundingAndDeliveryRatesAndAConsistentStatedShortfall() {
        // 004 lines 356-369: Planned $3.07 M, Actual $804.98 K, Shortfall: $2.27 M, Expenses $772.24 K.
        JsonNode budget = budget("MEX_D_2.1.1", 2022);
        assertEquals(0, new BigDecimal("3070000").compareTo(decimal(budget, "planned")));
        assertEquals(0, new BigDecimal("804980").compareTo(decimal(budget, "actual")));
        assertEquals(0, new BigDecimal("772240").compareTo(decimal(budget, "expenses")));
        assertEquals(new BigDecimal("26.2"), percent(budget, "fundingRate"));   // 804,980 ÷ 3,070,000
        assertEquals(new BigDecimal("95.9"), percent(budget, "deliveryRate"));  // 772,240 ÷ 804,980
        assertEquals(new BigDecimal("25.2"), percent(budget, "utilisationRate")); // 772,240 ÷ 3,070,000, in USD
        assertEquals("USD", budget.get("plannedCurrency").asText());
        assertEquals("USD", budget.get("expensesCurrency").asText());
        assertEquals(0, new BigDecimal("2265020").compareTo(decimal(budget, "computedShortfall")));
        assertEquals(0, new BigDecimal("2270000").compareTo(decimal(budget, "statedShortfall")));
        // $2.27 M is shown to 0.01 M (±5,000), $3.07 M too (±5,000), $804.98 K to 0.01 K (±5).
        assertEquals(0, new BigDecimal("10005").compareTo(decimal(budget, "shortfallTolerance")));
        assertFalse(budget.get("shortfallMismatch").asBoolean());
        assertFalse(budget.get("overSpend").asBoolean());
        // 001 shows the same output without a stated shortfall: nothing to compare.
        assertTrue(budget("MEX_D_2.1.1", 2021).get("shortfallMismatch").isNull());
    }

    @Test
    void output_2_1_3_overSpends() {
        // 004 lines 628-657: Planned $550.73 K, Actual $480.75 K, Shortfall: $69.98 K, Expenses $600.36 K.
        JsonNode budget = budget("MEX_D_2.1.3", 2022);
        assertEquals(new BigDecimal("124.9"), percent(budget, "deliveryRate"));  // 600,360 ÷ 480,750
        assertTrue(budget.get("overSpend").asBoolean());
        assertEquals(0, new BigDecimal("69980").compareTo(decimal(budget, "computedShortfall")));
        assertFalse(budget.get("shortfallMismatch").asBoolean());
    }

    @Test
    void indicator_2_1_3a_metIn2021AndNotMetIn2023() {
        // 001 lines 869-904 (code MEX_D_2.1.3A) and 004 lines 591-609 (no code, 2022/2023 results):
        // 2021 (Milestone) 2 6; 2022 (Milestone) 3 3; 2023 (Milestone) 4 0.
        JsonNode rows = Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.3");
        JsonNode y2021 = only(rows, r -> is(r, "indicatorId", IND_213A) && is(r, "year", 2021));
        assertEquals("MET", y2021.get("status").asText());
        assertEquals(0, new BigDecimal(3).compareTo(decimal(y2021, "ratio")));
        assertEquals("6", y2021.get("resultRaw").asText());
        assertEquals("2", y2021.get("expectedRaw").asText());
        assertEquals("MILESTONE", y2021.get("expectedKind").asText());
        assertTrue(y2021.get("statement").asText().startsWith("2.1.3a # of evidence based knowledge products"));
        assertEquals(MEX21, y2021.get("outcomeId").asText());
        assertEquals("MEX", y2021.get("office").asText());

        JsonNode y2023 = only(rows, r -> is(r, "indicatorId", IND_213A) && is(r, "year", 2023));
        assertEquals("NOT_MET", y2023.get("status").asText());
        assertEquals(0, BigDecimal.ZERO.compareTo(decimal(y2023, "ratio")));

        JsonNode y2022 = only(rows, r -> is(r, "indicatorId", IND_213A) && is(r, "year", 2022));
        assertEquals("MET", y2022.get("status").asText());  // 3 of 3, from 004 (001 shows "- -")
        // 2025 is the target year: target 6, no result yet.
        JsonNode y2025 = only(rows, r -> is(r, "indicatorId", IND_213A) && is(r, "year", 2025));
        assertEquals("TARGET", y2025.get("expectedKind").asText());
        assertEquals("NO_RESULT", y2025.get("reason").asText());
    }

    @Test
    void indicator_2_1_2A_partialIn2021AndNotMetIn2020() {
        // 001 lines 999-1034: 2020 Milestone 50 Result 0; 2021 Milestone 100 Result 59.
        JsonNode rows = Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.2", "year", 2021);
        JsonNode y2021 = only(rows, r -> is(r, "indicatorId", IND_212A));
        assertEquals("PARTIAL", y2021.get("status").asText());
        assertEquals(0, new BigDecimal("0.59").compareTo(decimal(y2021, "ratio")));
        JsonNode y2020 = only(Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.2", "year", 2020),
                r -> is(r, "indicatorId", IND_212A));
        assertEquals("NOT_MET", y2020.get("status").asText());
    }

    @Test
    void indicator_2_1_2B_withMilestonesTbdIsNotAssessable() {
        // 001 lines 1035-1070: every milestone and the target TBD; results 0 in 2020 and 2021.
        JsonNode rows = Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.2");
        List<JsonNode> b = java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> is(r, "indicatorId", IND_212B)).toList();
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025), b.stream().map(r -> r.get("year").asInt()).toList());
        b.forEach(r -> {
            assertEquals("NOT_ASSESSABLE", r.get("status").asText());
            assertEquals("MILESTONE_TBD", r.get("reason").asText());
            assertTrue(r.get("ratio").isNull());
        });
    }

    @Test
    void indicator_2_1_2A_progressTowardTargetIn2021() {
        // 001 lines 999-1034: baseline 0 (2018), target 320 (2025), result 59 (2021): progress 59 ÷ 320 = 0.184375;
        // expected (2021 − 2018) ÷ (2025 − 2018) = 0.428571; pace 0.430208 < 0.6: OFF_TRACK.
        JsonNode row = only(Reports.json("/api/reports/progress", "output", "MEX_D_2.1.2", "year", 2021),
                r -> is(r, "indicatorId", IND_212A));
        assertEquals("INCREASING", row.get("direction").asText());
        assertEquals("TARGET", row.get("directionRule").asText());
        assertEquals(0, new BigDecimal("0.184375").compareTo(decimal(row, "progress")));
        assertEquals(0, new BigDecimal("0.428571").compareTo(decimal(row, "expectedProgress")));
        assertEquals(0, new BigDecimal("0.430208").compareTo(decimal(row, "pace")));
        assertEquals("OFF_TRACK", row.get("status").asText());
        assertEquals(2018, row.get("baselineYear").asInt());
        assertEquals("320", row.get("targetRaw").asText());
        // The attainment row of the same year says which way the indicator goes.
        JsonNode attainment = only(Reports.json("/api/reports/milestone-attainment", "output", "MEX_D_2.1.2", "year", 2021),
                r -> is(r, "indicatorId", IND_212A));
        assertEquals("INCREASING", attainment.get("direction").asText());

        // The output in 2021: 2.1.2A OFF_TRACK, 2.1.2B (result 0, target TBD) not assessable.
        JsonNode output = only(Reports.json("/api/reports/progress/summary", "groupBy", "output", "outcome", "MEX_D_2.1",
                "year", 2021), s -> is(s, "outputCode", "MEX_D_2.1.2"));
        assertEquals(1, output.get("offTrack").asInt());
        assertEquals(1, output.get("notAssessable").asInt());
        assertEquals(0, BigDecimal.ZERO.compareTo(decimal(output, "onTrackRate")));
        assertEquals(0, new BigDecimal("0.184375").compareTo(decimal(output, "meanProgress")));
        io.restassured.RestAssured.given().queryParam("status", "LATE").get("/api/reports/progress")
                .then().statusCode(400).contentType("application/json");
    }

    @Test
    void outcome_4_1_fundingIn2021() {
        // 003 lines 37-42, 58-63, 80-85: UN Women $26,853, Mexico $103,629, MPTF Office $233,092 in 2021.
        JsonNode totals = Reports.json("/api/reports/funding/totals", "outcome", "MEX_D_4.1", "year", 2021);
        JsonNode total = only(totals, t -> true);
        assertEquals(0, new BigDecimal("363574").compareTo(decimal(total, "total")));
        assertEquals(3, total.get("partners").asInt());
        JsonNode partners = Reports.json("/api/reports/funding", "outcome", MEX41, "year", 2021);
        assertEquals(List.of("233092", "103629", "26853"),
                java.util.stream.StreamSupport.stream(partners.spliterator(), false).map(p -> p.get("total").asText()).toList());
    }

    @Test
    void rollUpsPerOutputAndOffice() {
        // Output MEX_D_2.1.2 in 2021: 2.1.2A PARTIAL (59 of 100), 2.1.2B not assessable (TBD); the other
        // indicators of the output show nothing for 2021.
        JsonNode output = only(Reports.json("/api/reports/milestone-attainment/summary", "groupBy", "output",
                "outcome", "MEX_D_2.1", "year", 2021), s -> is(s, "outputCode", "MEX_D_2.1.2"));
        assertEquals(0, output.get("met").asInt());
        assertEquals(1, output.get("partial").asInt());
        assertEquals(1, output.get("notAssessable").asInt());
        assertEquals(0, BigDecimal.ZERO.compareTo(decimal(output, "attainmentRate")));
        assertEquals(0, new BigDecimal("0.59").compareTo(decimal(output, "meanRatio")));

        // Output MEX_D_2.1.3 in 2021: 2.1.3a 6 of 2 (MET, ratio 3 counted as 1).
        JsonNode output213 = only(Reports.json("/api/reports/milestone-attainment/summary", "groupBy", "output",
                "outcome", "MEX_D_2.1", "year", 2021), s -> is(s, "outputCode", "MEX_D_2.1.3"));
        assertEquals(1, output213.get("met").asInt());
        assertEquals(0, BigDecimal.ONE.compareTo(decimal(output213, "attainmentRate")));
        assertEquals(0, BigDecimal.ONE.compareTo(decimal(output213, "meanRatio")));

        // The office's budgets of 2021: the outcome's own budget ($934.31 K planned), not it plus its outputs'.
        JsonNode office = only(Reports.json("/api/reports/budget-utilisation/offices", "office", "MEX", "year", 2021),
                s -> true);
        assertEquals(0, new BigDecimal("934310").compareTo(decimal(office, "planned")));
        assertEquals(1, office.get("outcomeBudgets").asInt());
        assertEquals(0, office.get("outputBudgets").asInt());
    }

    @Test
    void theProgressTimelineOfAnOutcome() {
        JsonNode timeline = Reports.json("/api/reports/outcomes/MEX_D_4.1/progress");
        // the summary page's first note states no year: it is kept, undated, after the dated ones
        assertEquals(java.util.Arrays.asList(2022, 2023, 2024, null),
                java.util.stream.StreamSupport.stream(timeline.spliterator(), false)
                        .map(n -> n.get("year").isNull() ? null : n.get("year").asInt()).toList());
        assertEquals("SIGNIFICANT_PROGRESS", timeline.get(0).get("status").asText());
        assertEquals("This outcome has reached significant progress in 2022.", timeline.get(0).get("firstSentence").asText());
        assertEquals("003_cf5ee7f4fb6c2d90.txt", timeline.get(0).get("documentName").asText());
        io.restassured.RestAssured.given().get("/api/reports/outcomes/MEX_D_9.9/progress").then().statusCode(404)
                .contentType("application/json").body("status", org.hamcrest.Matchers.equalTo(404));
    }

    @Test
    void theSameFiguresAsCsv() {
        List<Map<String, String>> budgets = Reports.csv("/api/reports/budget-utilisation", "outcome", "MEX_D_2.1",
                "year", 2022);
        Map<String, String> b213 = budgets.stream().filter(r -> r.get("entityId").equals("MEX_D_2.1.3")).findFirst().orElseThrow();
        assertEquals("480750", b213.get("actual"));
        assertEquals("$480.75 K", b213.get("actualShown"));
        assertEquals("true", b213.get("overSpend"));
        assertEquals(new BigDecimal("1.249"), new BigDecimal(b213.get("deliveryRate")).setScale(3, RoundingMode.HALF_UP));

        List<Map<String, String>> rows = Reports.csv("/api/reports/milestone-attainment", "outcome", "MEX_D_2.1",
                "status", "PARTIAL");
        Map<String, String> partial = rows.stream().filter(r -> r.get("indicatorId").equals(IND_212A)).findFirst().orElseThrow();
        assertEquals("2021", partial.get("year"));
        assertEquals("0.59", partial.get("ratio"));
        assertEquals("Number of women with improved access to information and knowledge on labor rights and integrated "
                + "social protection systems.", partial.get("statement"));
        assertTrue(rows.stream().allMatch(r -> r.get("status").equals("PARTIAL")));

        List<Map<String, String>> funding = Reports.csv("/api/reports/funding/totals", "outcome", "MEX_D_4.1", "year", 2021);
        assertEquals("363574", funding.get(0).get("total"));
        // A statement with a comma and quotes comes back whole.
        List<Map<String, String>> notes = Reports.csv("/api/reports/outcomes/MEX_D_2.1/progress");
        assertEquals(List.of("2021", "2022"), notes.stream().map(n -> n.get("year")).toList());
        assertTrue(notes.get(0).get("text").contains("“Closing gaps: Making social protection work for women in Mexico”"));
    }

    @Test
    void badFiltersAreJsonErrors() {
        io.restassured.RestAssured.given().queryParam("status", "GREAT").get("/api/reports/milestone-attainment")
                .then().statusCode(400).contentType("application/json")
                .body("message", org.hamcrest.Matchers.containsString("status must be one of"));
        io.restassured.RestAssured.given().queryParam("groupBy", "planet").get("/api/reports/milestone-attainment/summary")
                .then().statusCode(400).contentType("application/json");
        io.restassured.RestAssured.given().queryParam("size", 0).get("/api/reports/funding")
                .then().statusCode(400).contentType(org.hamcrest.Matchers.containsString("json"));
        io.restassured.RestAssured.given().queryParam("year", "soon").get("/api/reports/funding")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(404)))
                .contentType(org.hamcrest.Matchers.containsString("json"));
    }

    @Test
    void pagesAndTheirTotal() {
        io.restassured.response.Response first = Reports.request("outcome", MEX41, "size", 4, "page", 0)
                .accept("application/json").get("/api/reports/funding");
        assertEquals("10", first.header("X-Total-Count"));
        assertEquals(4, first.jsonPath().getList("$").size());
        io.restassured.response.Response last = Reports.request("outcome", MEX41, "size", 4, "page", 2)
                .accept("application/json").get("/api/reports/funding");
        assertEquals(2, last.jsonPath().getList("$").size());
    }

    private static JsonNode budget(String entity, int year) {
        return only(Reports.json("/api/reports/budget-utilisation", "outcome", "MEX_D_2.1", "year", year),
                b -> is(b, "entityId", entity));
    }

    private static BigDecimal percent(JsonNode node, String field) {
        return decimal(node, field).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
