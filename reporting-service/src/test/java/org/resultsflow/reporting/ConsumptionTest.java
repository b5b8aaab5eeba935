package org.resultsflow.reporting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/** Redelivery, reordering, bursts and poison, per record type, on a real broker and database. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ConsumptionTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final EventStreams streams = EventStreams.shared();

    @Test
    void anOlderBudgetIndicatorOrFundingChangeArrivingLateIsIgnored() throws Exception {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_1.1";
        String output = office + "_D_1.1.1";
        String budgetId = output + "/2022";
        String indicatorId = output + "::" + output + "A";

        String newer = send(budgetId, EventTypes.CATALOG_BUDGET, budget(budgetId, outcome, 2, "$2 M"));
        String older = send(budgetId, EventTypes.CATALOG_BUDGET, budget(budgetId, outcome, 1, "$1 M"));
        send(budgetId, EventTypes.CATALOG_BUDGET, newer, budget(budgetId, outcome, 2, "$2 M"));
        String olderIndicator = sendAfter(indicatorId, EventTypes.CATALOG_INDICATOR,
                indicator(indicatorId, outcome, output, 2, 9), indicator(indicatorId, outcome, output, 1, 1));
        String olderFunding = sendAfter(outcome, EventTypes.CATALOG_FUNDING, funding(outcome, 2, 700), funding(outcome, 1, 100));

        await().atMost(PATIENCE).until(() -> Tables.processed(older) && Tables.processed(olderIndicator)
                && Tables.processed(olderFunding));
        JsonNode budget = Reports.json("/api/reports/budget-utilisation", "office", office).get(0);
        assertEquals(0, new BigDecimal("2000000").compareTo(Reports.decimal(budget, "planned")));
        JsonNode attainment = Reports.json("/api/reports/milestone-attainment", "office", office).get(0);
        assertEquals("9", attainment.get("resultRaw").asText());
        JsonNode funding = Reports.json("/api/reports/funding", "office", office).get(0);
        assertEquals(0, new BigDecimal("700").compareTo(Reports.decimal(funding, "total")));
        assertEquals("OECD-DAC donor", funding.get("partnerType").asText());
        assertEquals(0, new BigDecimal("100").compareTo(Reports.decimal(funding, "developmentShare")));
    }

    @Test
    void undatedTextAndSequencedObservationsAreStoredOneRowPerYearAndSequence() throws Exception {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_1.1";
        String output = office + "_D_1.1.1";
        String id = output + "::" + output + "A";
        CatalogIndicator indicator = new CatalogIndicator(id, output + "A", "Number of things", "number of things",
                outcome, output, output, null, List.of(), List.of(), Map.of(), List.of(
                        MetricsTest.obs(null, ObservationKind.BASELINE, MetricsTest.marker("-")),
                        MetricsTest.obs(2022, ObservationKind.MILESTONE, MetricsTest.text("3 (new)")),
                        MetricsTest.obs(2022, ObservationKind.RESULT, MetricsTest.n(3)),
                        MetricsTest.obs(2023, ObservationKind.MILESTONE, 1, MetricsTest.n(4)),
                        MetricsTest.obs(2023, ObservationKind.MILESTONE, 2, MetricsTest.n(5)),
                        MetricsTest.obs(2023, ObservationKind.MILESTONE, 3, MetricsTest.n(10)),
                        MetricsTest.obs(2023, ObservationKind.RESULT, 1, MetricsTest.n(5))));
        String event = send(id, EventTypes.CATALOG_INDICATOR,
                new IndicatorChanged(id, 1, List.of("observations"), Instant.parse("2024-01-01T00:00:00Z"), indicator));

        await().atMost(PATIENCE).until(() -> Tables.processed(event));
        JsonNode rows = Reports.json("/api/reports/milestone-attainment", "office", office);
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r.get("year").asInt() + "/" + r.get("sequence").asInt() + " " + r.get("status").asText()));
        assertEquals(List.of("2022/1 NOT_ASSESSABLE", "2023/1 MET", "2023/2 MET", "2023/3 PARTIAL"), keys);
        assertEquals("NON_NUMERIC", rows.get(0).get("reason").asText());
        JsonNode summary = Reports.json("/api/reports/milestone-attainment/summary", "office", office, "year", 2023);
        assertEquals(2, summary.get(0).get("met").asInt());
    }

    @Test
    void aBurstIsAppliedInBatches() {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_1.1";
        for (int i = 0; i < 300; i++) {
            String output = office + "_D_1.1." + i;
            String id = output + "::" + output + "A";
            send(id, EventTypes.CATALOG_INDICATOR, indicator(id, outcome, output, 1, i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "300".equals(Reports.request("office", office, "size", 1).get("/api/reports/milestone-attainment")
                        .header("X-Total-Count")));
    }

    @Test
    void eventsThatViolateTheirContractAreDeadLettered() {
        String office = Tables.uniqueOffice();
        // Valid JSON, decodable, but not what catalog.outcome.v1 allows: version 0, an id of the wrong shape.
        String badOutcome = "XM-DAC-41146-" + office + "_D_7.7";
        streams.send("catalog.changes", badOutcome, UUID.randomUUID().toString(), EventTypes.CATALOG_OUTCOME,
                "{\"outcomeId\":\"not an outcome id\",\"version\":0,\"changedFields\":[],\"changedAt\":\"2024-01-01T00:00:00Z\","
                        + "\"outcome\":{\"id\":\"not an outcome id\",\"provenance\":{},\"outputs\":[],\"progressNotes\":[]}}");
        // An indicator change with neither its indicator nor where it was merged into.
        String badIndicator = office + "_D_7.7.7::X";
        streams.send("catalog.changes", badIndicator, UUID.randomUUID().toString(), EventTypes.CATALOG_INDICATOR,
                "{\"indicatorId\":\"" + badIndicator + "\",\"version\":1}");

        List<ConsumerRecord<String, String>> dead = streams.readUntil("reporting.dlq", records ->
                records.stream().filter(r -> badOutcome.equals(r.key()) || badIndicator.equals(r.key())).count() == 2,
                PATIENCE);
        ConsumerRecord<String, String> outcome = dead.stream().filter(r -> badOutcome.equals(r.key())).findFirst().orElseThrow();
        assertTrue(CloudEventRecords.header(outcome, DeadLetterHeaders.REASON).contains("violates the schema"),
                CloudEventRecords.header(outcome, DeadLetterHeaders.REASON));
        ConsumerRecord<String, String> indicator = dead.stream().filter(r -> badIndicator.equals(r.key())).findFirst().orElseThrow();
        assertTrue(CloudEventRecords.header(indicator, DeadLetterHeaders.REASON).contains("violates the schema"),
                CloudEventRecords.header(indicator, DeadLetterHeaders.REASON));
        assertEquals(EventTypes.CATALOG_INDICATOR, CloudEventRecords.header(indicator, CloudEventRecords.TYPE));
    }

    // --- events ---------------------------------------------------------------------------------------------

    @Test
    void anIndicatorMergedIntoItsCodedTwinLeavesNothingBehindUnderItsOldId() throws Exception {
        String office = Tables.uniqueOffice();
        String outcome = "XM-DAC-41146-" + office + "_D_1.1";
        String output = office + "_D_1.1.1";
        String codeless = output + "::number of things";
        String coded = output + "::" + output + "A";

        send(codeless, EventTypes.CATALOG_INDICATOR, indicator(codeless, outcome, output, 1, 3));
        await().atMost(PATIENCE).until(() -> Reports.json("/api/reports/milestone-attainment", "office", office).size() == 1);

        send(coded, EventTypes.CATALOG_INDICATOR, indicator(coded, outcome, output, 1, 3));
        String merged = send(codeless, EventTypes.CATALOG_INDICATOR, new IndicatorChanged(codeless, 2, List.of("mergedInto"),
                Instant.parse("2024-01-03T00:00:00Z"), null, coded));
        await().atMost(PATIENCE).until(() -> Tables.processed(merged));

        JsonNode rows = Reports.json("/api/reports/milestone-attainment", "office", office);
        assertEquals(1, rows.size(), rows.toString());
        assertEquals(coded, rows.get(0).get("indicatorId").asText());
    }

    private static String send(String key, String type, Object data) {
        return send(key, type, UUID.randomUUID().toString(), data);
    }

    private static String send(String key, String type, String eventId, Object data) {
        try {
            streams.send("catalog.changes", key, eventId, type, SeedCatalog.JSON.writeValueAsString(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    /** Sends the newer change, then the older one; the id of the older. */
    private static String sendAfter(String key, String type, Object newer, Object older) {
        send(key, type, newer);
        return send(key, type, older);
    }

    static BudgetChanged budget(String id, String outcome, long version, String planned) {
        BigDecimal usd = new BigDecimal(planned.replaceAll("[^0-9]", "")).movePointRight(6);
        CatalogBudget budget = new CatalogBudget(id, id.substring(0, id.indexOf('/')), BudgetEntityType.OUTPUT, outcome,
                null, 2022, new CatalogMoney(planned, usd, MetricsTest.SOURCE), new CatalogMoney("$500 K", new BigDecimal(500000), MetricsTest.SOURCE),
                null, null, null, null);
        return new BudgetChanged(id, version, List.of("planned"), Instant.parse("2024-01-0" + version + "T00:00:00Z"), budget);
    }

    static IndicatorChanged indicator(String id, String outcome, String output, long version, int result) {
        CatalogIndicator indicator = new CatalogIndicator(id, id.substring(id.indexOf("::") + 2), "Number of things", "number of things",
                outcome, output, output, null, List.of(), List.of(), Map.of(), new ArrayList<>(List.of(
                        MetricsTest.obs(2022, ObservationKind.MILESTONE, MetricsTest.n(4)),
                        MetricsTest.obs(2022, ObservationKind.RESULT, MetricsTest.n(result)))));
        return new IndicatorChanged(id, version, List.of("observations"), Instant.parse("2024-01-0" + version + "T00:00:00Z"),
                indicator);
    }

    static FundingChanged funding(String outcome, long version, int total) {
        CatalogFunding funding = new CatalogFunding(outcome, null, List.of(new CatalogFunding.Contribution("Partner", "OECD-DAC donor", 2022,
                new CatalogMoney("$" + total, BigDecimal.valueOf(total), MetricsTest.SOURCE), null, null, new BigDecimal("100"),
                BigDecimal.ZERO)));
        return new FundingChanged(outcome, version, List.of("contributions"), Instant.parse("2024-01-0" + version + "T00:00:00Z"),
                funding);
    }
}
