package org.resultsflow.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resultsflow.reporting.Reports.decimal;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.reporting.ChangeFixtures;
import org.resultsflow.reporting.Reports;
import org.resultsflow.reporting.SeedCatalog;
import org.resultsflow.reporting.Tables;

/**
 * Funding in the currency each contribution is stated in, through catalog.changes into the read model and out of
 * the list, the totals, the export and the office page. Two outcomes of one office, all in 2015:
 *
 * <pre>
 *   outcome 1.1  Agency B   EUR 400 (value date 2015-03-01, sequence 1)   ← two incoming-funds transactions of
 *                Agency B   EUR 250 (value date 2015-09-01, sequence 2)   ← one provider in one IATI activity
 *                Agency C   USD 1,000 (an IATI value in USD)
 *                Portal     $2,500 (a portal amount: dollars, no code)
 *                Agency D   "-" (no number)
 *   outcome 1.2  Agency B   EUR 100
 *                Agency E   GBP 70
 * </pre>
 *
 * Totals of outcome 1.1: USD 3,500 (1,000 + 2,500; 2 partners), EUR 650 (400 + 250; 1 partner), and a row of no
 * currency for Agency D. Office totals: USD 3,500, EUR 750 (400 + 250 + 100; Agency B alone), GBP 70. Euros are
 * never added to dollars, and no amount is converted.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class FundingCurrencyTest {

    static final EventStreams streams = EventStreams.shared();
    static String office;
    static String outcome11;

    @BeforeEach
    void publish() throws Exception {
        if (office != null) {
            return;
        }
        office = Tables.uniqueOffice();
        outcome11 = "XM-DAC-41146-" + office + "_D_1.1";
        String outcome12 = "XM-DAC-41146-" + office + "_D_1.2";
        String first = send(outcome11, funding(outcome11, List.of(
                contribution("Agency B", eur("400", LocalDate.of(2015, 3, 1)), 1),
                contribution("Agency B", eur("250", LocalDate.of(2015, 9, 1)), 2),
                contribution("Agency C", in("1000", "USD", new BigDecimal("1000"), LocalDate.of(2015, 6, 30)), 1),
                contribution("Portal", new CatalogMoney("$2,500", new BigDecimal("2500"), ChangeFixtures.SOURCE), 1),
                contribution("Agency D", new CatalogMoney("-", null, ChangeFixtures.SOURCE), 1))));
        String second = send(outcome12, funding(outcome12, List.of(
                contribution("Agency B", eur("100", LocalDate.of(2015, 5, 1)), 1),
                contribution("Agency E", in("70", "GBP", new BigDecimal("70"), LocalDate.of(2015, 5, 1)), 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Tables.processed(first) && Tables.processed(second));
    }

    @Test
    void aContributionInEurosKeepsItsAmountCurrencyAndValueDateAndBothOfOneProviderAndYearAreKept() {
        JsonNode rows = Reports.json("/api/reports/funding", "outcome", outcome11);
        List<String> listed = new ArrayList<>();
        rows.forEach(r -> listed.add(r.get("partner").asText() + "#" + r.get("sequence").asInt() + " "
                + r.get("totalCurrency").asText() + " " + r.get("totalAmount").asText()));
        // US dollars first, then euros, then what is no number; within a currency the larger amount first.
        assertEquals(List.of("Portal#1 USD 2500", "Agency C#1 USD 1000", "Agency B#1 EUR 400", "Agency B#2 EUR 250",
                "Agency D#1 null null"), listed);
        JsonNode eur400 = rows.get(2);
        assertTrue(eur400.get("total").isNull(), "EUR is no US-dollar figure: " + eur400);
        assertEquals("400", eur400.get("totalShown").asText());
        assertEquals("2015-03-01", eur400.get("totalValueDate").asText());
        assertEquals("2015-09-01", rows.get(3).get("totalValueDate").asText());
        // A dollar amount is both: total and totalAmount in USD.
        assertEquals(0, new BigDecimal("2500").compareTo(decimal(rows.get(0), "total")));
        assertEquals("$2,500", rows.get(0).get("totalShown").asText());
        assertTrue(rows.get(4).get("total").isNull());
        assertEquals("-", rows.get(4).get("totalShown").asText());
    }

    @Test
    void totalsArePerCurrencyAndNeverAddEurosToDollars() {
        JsonNode outcome = Reports.json("/api/reports/funding/totals", "outcome", outcome11, "year", 2015);
        assertEquals(List.of("USD 3500 3500 2", "EUR 650 null 1", "null null null 1"), lines(outcome));

        JsonNode byOffice = Reports.json("/api/reports/funding/totals", "office", office, "groupBy", "office");
        assertEquals(List.of("USD 3500 3500 2", "EUR 750 null 1", "GBP 70 null 1", "null null null 1"), lines(byOffice));
        byOffice.forEach(t -> assertTrue(t.get("outcomeId").isNull()));

        List<Map<String, String>> csv = Reports.csv("/api/reports/funding/totals", "outcome", outcome11, "year", 2015);
        assertEquals("EUR", csv.get(1).get("currency"));
        assertEquals("650", csv.get(1).get("amount"));
        assertEquals("", csv.get(1).get("total"));
    }

    @Test
    void theExportKeepsSequenceAndCurrencyAndResumesAfterTheSequence() {
        String ndjson = given().queryParam("office", office).get("/api/reports/export/funding.ndjson").then()
                .statusCode(200).extract().asString();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                rows.add(read(line));
            }
        }
        assertEquals(7, rows.size());
        // Key order: outcome, partner, year, sequence. Agency B's two contributions of 2015 come first.
        assertEquals("Agency B", rows.get(0).get("partner").asText());
        assertEquals(1, rows.get(0).get("sequence").asInt());
        assertEquals(2, rows.get(1).get("sequence").asInt());
        assertEquals("EUR", rows.get(1).get("totalCurrency").asText());
        String resumed = given().queryParam("office", office).queryParam("afterOutcome", outcome11)
                .queryParam("afterPartner", "Agency B").queryParam("afterYear", 2015).queryParam("afterSequence", 1)
                .get("/api/reports/export/funding.ndjson").then().statusCode(200).extract().asString();
        assertEquals(6, resumed.lines().filter(l -> !l.isBlank()).count());
        JsonNode next = read(resumed.lines().findFirst().orElseThrow());
        assertEquals("Agency B", next.get("partner").asText());
        assertEquals(2, next.get("sequence").asInt());
        // Three parts of the four are half a key.
        given().queryParam("afterOutcome", outcome11).queryParam("afterPartner", "Agency B").queryParam("afterYear", 2015)
                .get("/api/reports/export/funding.csv").then().statusCode(400);
    }

    @Test
    void theOfficePageDrawsOneFundingChartPerCurrency() {
        String page = given().get("/offices/{office}", office).then().statusCode(200).extract().asString();
        assertTrue(page.contains("id=\"funding-chart\""), "US dollars keep their chart");
        assertTrue(page.contains("id=\"funding-chart-EUR\"") && page.contains("id=\"funding-chart-GBP\""), page);
        String script = page.substring(page.indexOf("<script id=\"chart-data\" type=\"application/json\">"));
        script = script.substring(script.indexOf('>') + 1, script.indexOf("</script>"));
        JsonNode charts = read(script).get("funding");
        List<String> currencies = new ArrayList<>();
        charts.forEach(c -> currencies.add(c.get("currency").asText()));
        assertEquals(List.of("USD", "EUR", "GBP"), currencies);
        BigDecimal euros = BigDecimal.ZERO;
        for (JsonNode dataset : charts.get(1).get("datasets")) {
            euros = euros.add(new BigDecimal(dataset.get("data").get(0).asText()));
        }
        assertEquals(0, new BigDecimal("750").compareTo(euros), charts.get(1).toString());
        assertEquals(1, charts.get(1).get("datasets").size(), "Agency B alone gives euros");
        BigDecimal dollars = BigDecimal.ZERO;
        for (JsonNode dataset : charts.get(0).get("datasets")) {
            dollars = dollars.add(new BigDecimal(dataset.get("data").get(0).asText()));
        }
        assertEquals(0, new BigDecimal("3500").compareTo(dollars));
    }

    /** currency, amount, total, partners of each total row in order. */
    private static List<String> lines(JsonNode totals) {
        List<String> lines = new ArrayList<>();
        totals.forEach(t -> {
            assertEquals(2015, t.get("year").asInt());
            lines.add(t.get("currency").asText() + " " + t.get("amount").asText() + " " + t.get("total").asText() + " "
                    + t.get("partners").asInt());
        });
        return lines;
    }

    private static CatalogMoney eur(String amount, LocalDate valueDate) {
        return in(amount, "EUR", new BigDecimal(amount), valueDate);
    }

    private static CatalogMoney in(String raw, String currency, BigDecimal amount, LocalDate valueDate) {
        return new CatalogMoney(raw, "USD".equals(currency) ? amount : null, ChangeFixtures.SOURCE, currency, amount,
                valueDate);
    }

    private static CatalogFunding.Contribution contribution(String partner, CatalogMoney total, int sequence) {
        return new CatalogFunding.Contribution(partner, null, 2015, total, null, null, null, null, sequence);
    }

    private static FundingChanged funding(String outcome, List<CatalogFunding.Contribution> contributions) {
        return new FundingChanged(outcome, 1, List.of("contributions"), Instant.parse("2024-01-01T00:00:00Z"),
                new CatalogFunding(outcome, office, contributions));
    }

    private static String send(String outcome, FundingChanged change) throws Exception {
        String id = UUID.randomUUID().toString();
        streams.send("catalog.changes", outcome + "/funding", id, EventTypes.CATALOG_FUNDING,
                SeedCatalog.JSON.writeValueAsString(change));
        return id;
    }

    private static JsonNode read(String json) {
        try {
            return SeedCatalog.JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
