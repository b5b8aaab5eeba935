package org.resultsflow.catalog.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.StreamedCsv;

/**
 * The catalog's long format: generated indicators with 20 observations each stream out one observation a row, in
 * indicator id and position order, while the heap stays flat; an export resumes after the key of the last row
 * received; a merged indicator's redirect gives no rows; CSV, NDJSON and the workbook hold the same rows.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ObservationExportTest {

    static final int ROWS = Integer.getInteger("resultsflow.test.catalog-export-rows", 300_000);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @TestHTTPResource("/api/export/")
    URL exports;

    String office;

    /** Indicators of 20 observations (5 years × baseline, milestone, target, result), and one redirect. */
    @BeforeAll
    void generate() {
        office = CatalogTests.uniqueOffice("EX");
        insert(office, ROWS / 20);
    }

    @AfterAll
    void drop() {
        // Left as found: the contract test folds the topic into the REST state.
        pool.query("DELETE FROM canonical_record WHERE office = '" + office + "'").execute().await().indefinitely();
    }

    @Test
    void everyObservationStreamsInConstantMemoryInKeyOrder() throws Exception {
        StreamedCsv export = StreamedCsv.read(() -> open("observations.csv?office=" + office), line -> {
            String[] fields = line.split(",", 3);
            return fields[0] + String.format("/%04d", Integer.parseInt(fields[1]));
        }, 50_000);
        System.out.println(export.summary("Catalog export of observations"));
        assertTrue(export.header().startsWith("indicatorId,position,indicatorCode,statement,outcomeId,"), export.header());
        assertEquals(ROWS, export.rows(), "every observation, no page cap, none of the redirect");
        assertTrue(export.ordered(), "rows in key order");
        assertTrue(export.peakHeap() < export.heapBound(), "heap grew by " + (export.peakHeap() >> 20) + " MB for "
                + (export.bytes() >> 20) + " MB of rows");
    }

    @Test
    void aRowSaysWhatItIsAndWhereItCameFromAndAnExportResumesAfterTheLastRowReceived() throws Exception {
        List<String> first = new ArrayList<>();
        try (BufferedReader body = open("observations.ndjson?office=" + office)) {
            for (int i = 0; i < 1001; i++) {
                first.add(body.readLine());
            }
        } // the client goes away mid-stream: the server's cursor is closed
        JsonNode row = JSON.readTree(first.get(1));
        assertEquals(office + "_D_1.1::I000001", row.get("indicatorId").asText());
        assertEquals(2, row.get("position").asInt());
        assertEquals("I1", row.get("indicatorCode").asText());
        assertEquals("XM-DAC-41146-" + office + "_D_1", row.get("outcomeId").asText());
        assertEquals(office, row.get("office").asText());
        assertEquals("MILESTONE", row.get("kind").asText());
        assertEquals(2016, row.get("year").asInt());
        assertEquals("1.5%", row.get("value").asText());
        assertEquals(0, new BigDecimal("1.5").compareTo(row.get("number").decimalValue()));
        assertEquals("PERCENT", row.get("valueType").asText());
        assertEquals("doc-1", row.get("documentId").asText());
        assertEquals("https://example.org/plans/1", row.get("source").asText());
        assertEquals(4, row.get("firstLine").asInt());
        assertEquals(5, row.get("lastLine").asInt());
        assertEquals("2024-01-31", row.get("asOf").asText());
        assertTrue(JSON.readTree(first.get(0)).get("year").isNull(), "a baseline without a printed year");

        JsonNode last = JSON.readTree(first.get(999));
        try (BufferedReader body = open("observations.ndjson?office=" + office + "&afterIndicator=" + last.get("indicatorId").asText()
                + "&afterPosition=" + last.get("position").asLong())) {
            assertEquals(first.get(1000), body.readLine(), "the row after the last one received");
        }
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exports + "observations.csv?afterPosition=3")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("afterIndicator"), bad.body());
        assertFalse(bad.body().contains("Exception"), bad.body());
    }

    @Test
    void theWorkbookHoldsTheRowsOfTheCsvExport() throws Exception {
        String small = CatalogTests.uniqueOffice("EX");
        insert(small, 7);
        try {
            List<String> csv = new ArrayList<>();
            try (BufferedReader body = open("observations.csv?office=" + small)) {
                body.lines().forEach(csv::add);
            }
            assertEquals(7 * 20 + 1, csv.size());
            HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(exports + "observations.xlsx?office=" + small)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                Sheet sheet = workbook.getSheet("observations");
                assertEquals(csv.size() - 1, sheet.getLastRowNum());
                List<String> header = List.of(csv.get(0).split(","));
                for (int c = 0; c < header.size(); c++) {
                    assertEquals(header.get(c), sheet.getRow(0).getCell(c).getStringCellValue());
                }
                Row second = sheet.getRow(2);
                String[] fields = csv.get(2).split(",");
                assertEquals(fields[0], second.getCell(0).getStringCellValue());
                assertEquals(CellType.NUMERIC, second.getCell(header.indexOf("number")).getCellType());
                assertEquals(1.5, second.getCell(header.indexOf("number")).getNumericCellValue());
                assertEquals(4, second.getCell(header.indexOf("firstLine")).getNumericCellValue());
                assertEquals("doc-1", second.getCell(header.indexOf("documentId")).getStringCellValue());
            }
        } finally {
            pool.query("DELETE FROM canonical_record WHERE office = '" + small + "'").execute().await().indefinitely();
        }
    }

    private void insert(String office, int indicators) {
        String outcome = "XM-DAC-41146-" + office + "_D_1";
        String parent = office + "_D_1.1";
        pool.query("INSERT INTO canonical_record (record_type, record_id, office, parent_id, version, state, updated_at,"
                + " outcome_id, conflicts)"
                + " SELECT 'indicator', '" + parent + "::I' || lpad(i::text, 6, '0'), '" + office + "', '" + parent + "', 1,"
                + " jsonb_build_object('id', '" + parent + "::I' || lpad(i::text, 6, '0'), 'code', 'I' || i,"
                + " 'statement', 'Number of things done by partners, generated for the export test ' || i,"
                + " 'outcomeId', '" + outcome + "', 'outputCode', '" + parent + "', 'parentId', '" + parent + "',"
                + " 'office', '" + office + "', 'observations', (SELECT jsonb_agg(jsonb_build_object("
                + "   'year', CASE WHEN k = 0 THEN NULL ELSE 2016 + k / 4 END,"
                + "   'kind', (ARRAY['BASELINE', 'MILESTONE', 'TARGET', 'RESULT'])[k % 4 + 1], 'sequence', 1, 'headline', false,"
                + "   'value', jsonb_build_object('raw', (k * 1.5)::text || '%', 'type', 'PERCENT', 'number', k * 1.5),"
                + "   'provenance', jsonb_build_object('documentId', 'doc-' || k % 3, 'documentName', 'Plan ' || k % 3,"
                + "     'lines', jsonb_build_object('first', k * 3 + 1, 'last', k * 3 + 2), 'asOf', '2024-01-31',"
                + "     'asOfBasis', 'STATED', 'source', 'https://example.org/plans/' || k % 3),"
                + "   'conflicts', '[]'::jsonb) ORDER BY k) FROM generate_series(0, 19) AS k)),"
                + " now(), '" + outcome + "', 0 FROM generate_series(1, " + indicators + ") AS i").execute().await().indefinitely();
        // A codeless twin merged into the first indicator: a redirect, whose observations are the first's.
        pool.query("INSERT INTO canonical_record (record_type, record_id, office, parent_id, version, state, updated_at,"
                + " outcome_id, merged_into, conflicts) SELECT record_type, '" + parent + "::number of things', office, parent_id,"
                + " 1, state, now(), outcome_id, record_id, 0 FROM canonical_record WHERE record_type = 'indicator'"
                + " AND record_id = '" + parent + "::I000001'").execute().await().indefinitely();
    }

    private BufferedReader open(String path) throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(exports + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), path);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
