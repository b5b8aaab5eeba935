package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.reporting.Tables;

/**
 * The budget utilisation and funding exports: every row in key order, the same rows in CSV, NDJSON and the
 * workbook, resumed after the key of the last row received, and a half-given key refused; the filters and resume
 * keys are documented once per endpoint in OpenAPI.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportExportsTest {

    static final String OFFICE = Tables.uniqueOffice();
    /** More than a cursor fetch, so that the stream takes several. */
    static final int BUDGETS = 1_200;
    static final int PARTNERS = 40;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/reports/export/")
    URL exports;

    @TestHTTPResource("/q/openapi?format=json")
    URL openapi;

    @BeforeAll
    static void generateRows() {
        Tables.execute("INSERT INTO report_budget (id, entity_id, entity_type, outcome_id, office, reporting_year, planned_usd,"
                + " planned_shown, actual_usd, actual_shown, over_spend, document_id, version, updated_at)"
                + " SELECT '" + OFFICE + "_B' || lpad(i::text, 5, '0'), '" + OFFICE + "_D_1.' || (i % 30), 'OUTPUT',"
                + " 'XM-DAC-41146-" + OFFICE + "_D_1', '" + OFFICE + "', 2018 + i % 5, i * 1000, '$' || i || 'k', i * 900,"
                + " '$' || (i * 0.9) || 'k, \"approx\"', i % 11 = 0, 'doc-' || i % 3, 1, now()"
                + " FROM generate_series(1, " + BUDGETS + ") AS i");
        Tables.execute("INSERT INTO report_funding_contribution (outcome_id, partner, year, office, total_usd, total_shown)"
                + " SELECT 'XM-DAC-41146-" + OFFICE + "_D_' || o, 'Partner ' || lpad(p::text, 2, '0'), 2018 + y,"
                + " '" + OFFICE + "', p * 100 + y, (p * 100 + y)::text"
                + " FROM generate_series(1, 3) AS o, generate_series(1, " + PARTNERS + ") AS p, generate_series(0, 4) AS y");
    }

    @AfterAll
    static void dropRows() {
        Tables.execute("DELETE FROM report_budget WHERE office = '" + OFFICE + "'");
        Tables.execute("DELETE FROM report_funding_contribution WHERE office = '" + OFFICE + "'");
    }

    @Test
    void budgetsStreamInIdOrderTheSameInEveryFormatAndResumeAfterTheLastId() throws Exception {
        List<JsonNode> rows = ndjson("budget-utilisation.ndjson?office=" + OFFICE);
        assertEquals(BUDGETS, rows.size(), "every row, no page cap");
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(String.format("%s_B%05d", OFFICE, i + 1), rows.get(i).get("id").asText(), "id order");
        }
        List<List<String>> csv = WorkbookExportTest.Csv.parse(get("budget-utilisation.csv?office=" + OFFICE).body());
        assertEquals(BUDGETS + 1, csv.size());
        assertEquals("id", csv.get(0).get(0));
        int shown = csv.get(0).indexOf("actualShown");
        assertEquals(rows.get(9).get("actualShown").asText(), csv.get(10).get(shown), "quotes and commas survive");

        List<JsonNode> resumed = ndjson("budget-utilisation.ndjson?office=" + OFFICE + "&afterId=" + rows.get(699).get("id").asText());
        assertEquals(BUDGETS - 700, resumed.size());
        assertEquals(rows.get(700), resumed.get(0), "the row after the last one received");

        List<JsonNode> year = ndjson("budget-utilisation.ndjson?office=" + OFFICE + "&year=2019");
        assertEquals(BUDGETS / 5, year.size(), "the reporting-year filter");
        assertTrue(year.stream().allMatch(row -> row.get("reportingYear").asInt() == 2019));

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exports + "budget-utilisation.xlsx?office=" + OFFICE)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheet("budget-utilisation");
            assertEquals(BUDGETS, sheet.getLastRowNum());
            assertEquals(rows.get(BUDGETS - 1).get("id").asText(), sheet.getRow(BUDGETS).getCell(0).getStringCellValue());
        }
    }

    @Test
    void fundingStreamsInOutcomePartnerYearOrderAndResumesAfterTheLastKey() throws Exception {
        List<JsonNode> rows = ndjson("funding.ndjson?office=" + OFFICE);
        assertEquals(3 * PARTNERS * 5, rows.size());
        List<String> keys = new ArrayList<>();
        for (JsonNode row : rows) {
            keys.add(row.get("outcomeId").asText() + "|" + row.get("partner").asText() + "|" + row.get("year").asInt()
                    + "|" + row.get("sequence").asInt());
        }
        assertEquals(keys.stream().sorted().toList(), keys, "outcome, partner, year, sequence order");
        JsonNode last = rows.get(250);
        List<JsonNode> resumed = ndjson("funding.ndjson?office=" + OFFICE + "&afterOutcome=" + last.get("outcomeId").asText()
                + "&afterPartner=" + last.get("partner").asText().replace(" ", "%20") + "&afterYear=" + last.get("year").asInt()
                + "&afterSequence=" + last.get("sequence").asInt());
        assertEquals(rows.subList(251, rows.size()), resumed);
        List<List<String>> csv = WorkbookExportTest.Csv.parse(get("funding.csv?office=" + OFFICE).body());
        assertEquals(rows.size() + 1, csv.size());
        assertEquals(List.of("office", "outcomeId", "partner"), csv.get(0).subList(0, 3));

        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exports + "funding.csv?afterOutcome=x&afterYear=2020")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("afterPartner"), bad.body());
    }

    @Test
    void everyExportDocumentsItsFiltersAndResumeKeyOnce() throws Exception {
        JsonNode paths = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(openapi.toString())).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("paths");
        int exportsSeen = 0;
        for (String report : List.of("milestone-attainment", "progress", "budget-utilisation", "funding")) {
            for (String format : List.of("csv", "ndjson", "xlsx")) {
                JsonNode get = paths.get("/api/reports/export/" + report + "." + format).get("get");
                List<String> names = new ArrayList<>();
                get.get("parameters").forEach(p -> names.add(p.get("name").asText()));
                assertTrue(names.containsAll(List.of("office", "outcome", "year")), report + "." + format + ": " + names);
                assertEquals(names.stream().distinct().count(), names.size(), "each parameter once: " + names);
                assertTrue(names.stream().anyMatch(n -> n.startsWith("after")), "a resume key: " + names);
                get.get("parameters").forEach(p -> assertTrue(p.hasNonNull("description"), p.toString()));
                assertTrue(get.get("responses").has("400"));
                exportsSeen++;
            }
        }
        assertEquals(12, exportsSeen);
    }

    private List<JsonNode> ndjson(String path) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : get(path).body().split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exports + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return response;
    }
}
