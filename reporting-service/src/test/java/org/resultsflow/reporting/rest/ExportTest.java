package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.StreamedCsv;
import org.resultsflow.reporting.Tables;

/**
 * Exports hold everything: a million generated attainment rows stream out as CSV while the heap stays flat, in
 * key order, and an export resumes after the key of the last row received.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ExportTest {

    static final int ROWS = Integer.getInteger("resultsflow.test.export-rows", 1_000_000);
    static final String OFFICE = Tables.uniqueOffice();

    @TestHTTPResource("/api/reports/export/")
    URL exports;

    /** Rows of 10 years and 2 sequences per indicator, each with a statement of some length. */
    @BeforeAll
    static void generateRows() {
        int indicators = ROWS / 20;
        Tables.execute("INSERT INTO report_attainment (indicator_id, year, sequence, indicator_code, statement, outcome_id,"
                + " output_code, office, result_raw, result_type, result_value, expected_kind, expected_raw, expected_type,"
                + " expected_value, ratio, status, reason, direction, direction_rule)"
                + " SELECT '" + OFFICE + "_D_1.1.1::I' || lpad(i::text, 7, '0'), 2016 + y, s, 'I' || i,"
                + " 'Number of things done in the year by partners, generated for the export test ' || i,"
                + " 'XM-DAC-41146-" + OFFICE + "_D_1.1', '" + OFFICE + "_D_1.1.1', '" + OFFICE + "',"
                + " (i % 50)::text, 'NUMBER', i % 50, 'MILESTONE', '25', 'NUMBER', 25, round((i % 50) / 25.0, 6),"
                + " CASE WHEN i % 50 >= 25 THEN 'MET' WHEN i % 50 >= 12 THEN 'PARTIAL' ELSE 'NOT_MET' END, NULL,"
                + " 'INCREASING', 'TARGET'"
                + " FROM generate_series(1, " + indicators + ") AS i, generate_series(0, 9) AS y, generate_series(1, 2) AS s");
    }

    @AfterAll
    static void dropRows() {
        Tables.execute("DELETE FROM report_attainment WHERE office = '" + OFFICE + "'");
    }

    @Test
    void aMillionRowsStreamInConstantMemoryInKeyOrder() throws Exception {
        StreamedCsv export = StreamedCsv.read(() -> open("milestone-attainment.csv?office=" + OFFICE), line -> {
            String[] fields = line.split(",", 4);
            return fields[0] + String.format("/%04d/%02d", Integer.parseInt(fields[1]), Integer.parseInt(fields[2]));
        }, 100_000);
        System.out.println(export.summary("Export of milestone attainment"));
        assertTrue(export.header().startsWith("indicatorId,year,sequence,"), export.header());
        assertEquals(ROWS, export.rows(), "every row, no page cap");
        assertTrue(export.ordered(), "rows in key order");
        assertTrue(export.peakHeap() < export.heapBound(), "heap grew by " + (export.peakHeap() >> 20) + " MB for "
                + (export.bytes() >> 20) + " MB of rows");
    }

    @Test
    void anExportResumesAfterTheLastRowReceivedAndNdjsonHasTheSameRows() throws Exception {
        List<String> first = new ArrayList<>();
        try (BufferedReader body = open("milestone-attainment.ndjson?office=" + OFFICE)) {
            for (int i = 0; i < 1001; i++) {
                first.add(body.readLine());
            }
        } // the client goes away mid-stream: the server's cursor is closed
        ObjectMapper json = new ObjectMapper();
        JsonNode last = json.readTree(first.get(999));
        String resume = "milestone-attainment.ndjson?office=" + OFFICE + "&afterIndicator=" + last.get("indicatorId").asText()
                + "&afterYear=" + last.get("year").asInt() + "&afterSequence=" + last.get("sequence").asInt();
        try (BufferedReader body = open(resume)) {
            assertEquals(first.get(1000), body.readLine(), "the row after the last one received");
        }
        JsonNode row = json.readTree(first.get(0));
        assertEquals(OFFICE + "_D_1.1.1::I0000001", row.get("indicatorId").asText());
        assertEquals(2016, row.get("year").asInt());
        assertEquals("INCREASING", row.get("direction").asText());

        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exports + "milestone-attainment.csv?afterYear=2020")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("afterIndicator"), bad.body());

        HttpResponse<String> notANumber = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exports
                + "milestone-attainment.csv?afterIndicator=x&afterYear=2020&afterSequence=first")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notANumber.statusCode(), "a resume key part that is no number is the client's error, not a 404");
        assertTrue(notANumber.body().contains("afterSequence"), notANumber.body());
    }

    private BufferedReader open(String path) throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(exports + path)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode(), path);
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
