package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.export.WorkbookWriter;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.reporting.Tables;

/**
 * The Excel export holds exactly the rows of the CSV export of the same data, in the same order with the same
 * values, numbers as numeric cells; more rows than the SXSSF window, statements with commas and quotes, nulls.
 * Where LibreOffice is installed, its own CSV of the workbook gives the same rows too.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class WorkbookExportTest {

    static final int INDICATORS = 130;
    static final String OFFICE = Tables.uniqueOffice();

    @TestHTTPResource("/api/reports/export/")
    URL exports;

    /** 130 indicators × 10 years × 2 sequences: 2,600 rows, 26 times the rows SXSSF keeps in memory. */
    @BeforeAll
    static void generateRows() {
        Tables.execute("INSERT INTO report_attainment (indicator_id, year, sequence, indicator_code, statement, outcome_id,"
                + " output_code, office, result_raw, result_type, result_value, expected_kind, expected_raw, expected_type,"
                + " expected_value, ratio, status, reason, direction, direction_rule)"
                + " SELECT '" + OFFICE + "_D_1.1.1::I' || lpad(i::text, 4, '0'), 2016 + y, s, 'I' || i,"
                + " 'Number of \"safe\" spaces, by partner, for the workbook test ' || i,"
                + " 'XM-DAC-41146-" + OFFICE + "_D_1.1', '" + OFFICE + "_D_1.1.1', '" + OFFICE + "',"
                + " CASE WHEN i % 7 = 0 THEN 'n/a' ELSE (i % 50)::text END, CASE WHEN i % 7 = 0 THEN 'TEXT' ELSE 'NUMBER' END,"
                + " CASE WHEN i % 7 = 0 THEN NULL ELSE i % 50 + 0.25 END, 'MILESTONE', '25', 'NUMBER', 25,"
                + " CASE WHEN i % 7 = 0 THEN NULL ELSE round((i % 50 + 0.25) / 25.0, 6) END,"
                + " CASE WHEN i % 7 = 0 THEN 'NOT_ASSESSABLE' WHEN i % 50 >= 25 THEN 'MET' ELSE 'NOT_MET' END,"
                + " CASE WHEN i % 7 = 0 THEN 'NON_NUMERIC' END, 'INCREASING', 'TARGET'"
                + " FROM generate_series(1, " + INDICATORS + ") AS i, generate_series(0, 9) AS y, generate_series(1, 2) AS s");
    }

    @AfterAll
    static void dropRows() {
        Tables.execute("DELETE FROM report_attainment WHERE office = '" + OFFICE + "'");
    }

    @Test
    void theWorkbookHoldsExactlyTheRowsOfTheCsvExport() throws Exception {
        List<List<String>> csv = Csv.parse(get("milestone-attainment.csv?office=" + OFFICE, HttpResponse.BodyHandlers.ofString()).body());
        long started = System.nanoTime();
        HttpResponse<byte[]> xlsx = get("milestone-attainment.xlsx?office=" + OFFICE, HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("Workbook of %d rows: %d KB in %d ms%n", csv.size() - 1, xlsx.body().length >> 10,
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(WorkbookWriter.XLSX, xlsx.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"milestone-attainment.xlsx\"", xlsx.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals(INDICATORS * 20 + 1, csv.size(), "the header and every row");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(1, workbook.getNumberOfSheets());
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(csv.size() - 1, sheet.getLastRowNum());
            List<String> header = csv.get(0);
            int year = header.indexOf("year");
            int resultValue = header.indexOf("resultValue");
            int statement = header.indexOf("statement");
            for (int r = 0; r < csv.size(); r++) {
                Row row = sheet.getRow(r);
                List<String> expected = csv.get(r);
                for (int c = 0; c < expected.size(); c++) {
                    assertSameValue(expected.get(c), row.getCell(c), "row " + r + ", " + header.get(c));
                }
                assertTrue(row.getLastCellNum() <= expected.size(), "no extra cells in row " + r);
            }
            Row first = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, first.getCell(year).getCellType());
            assertEquals(CellType.NUMERIC, first.getCell(resultValue).getCellType());
            assertEquals(1.25, first.getCell(resultValue).getNumericCellValue());
            assertEquals(CellType.STRING, first.getCell(statement).getCellType());
            assertEquals(OFFICE + "_D_1.1.1::I0001", first.getCell(0).getStringCellValue());
        }
    }

    @Test
    void theProgressWorkbookHasTheCsvHeaderAndABadResumeKeyIsA400() throws Exception {
        String office = Tables.uniqueOffice();
        List<List<String>> csv = Csv.parse(get("progress.csv?office=" + office, HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<byte[]> xlsx = get("progress.xlsx?office=" + office, HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Row header = workbook.getSheet("progress").getRow(0);
            assertEquals(1, csv.size());
            for (int c = 0; c < csv.get(0).size(); c++) {
                assertEquals(csv.get(0).get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals(0, workbook.getSheet("progress").getLastRowNum(), "no rows for an office without any");
        }
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(exports + "progress.xlsx?afterSequence=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("afterIndicator"), bad.body());
    }

    @Test
    void libreOfficeReadsTheWorkbookAsTheSameRows() throws Exception {
        String soffice = onPath("soffice");
        if (soffice == null) {
            System.out.println("Skipping the LibreOffice comparison: soffice is not on the PATH");
        }
        assumeTrue(soffice != null, "soffice is not on the PATH");
        Path dir = Files.createTempDirectory("workbook");
        Path file = dir.resolve("milestone-attainment.xlsx");
        Files.write(file, get("milestone-attainment.xlsx?office=" + OFFICE, HttpResponse.BodyHandlers.ofByteArray()).body());
        Process convert = new ProcessBuilder(soffice, "--headless", "--convert-to", "csv", "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).start();
        assertTrue(convert.waitFor(120, TimeUnit.SECONDS), "soffice finished");
        List<List<String>> converted = Csv.parse(Files.readString(dir.resolve("milestone-attainment.csv"), StandardCharsets.UTF_8));
        List<List<String>> csv = Csv.parse(get("milestone-attainment.csv?office=" + OFFICE, HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(csv.size(), converted.size());
        for (int r = 0; r < csv.size(); r++) {
            for (int c = 0; c < csv.get(r).size(); c++) {
                String expected = csv.get(r).get(c);
                String actual = c < converted.get(r).size() ? converted.get(r).get(c) : "";
                assertTrue(expected.equals(actual) || sameNumber(expected, actual), "row " + r + ", column " + c + ": "
                        + expected + " ≠ " + actual);
            }
        }
    }

    private static void assertSameValue(String expected, Cell cell, String where) {
        if (expected.isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, where + " is empty");
        } else if (cell.getCellType() == CellType.NUMERIC) {
            assertEquals(0, new BigDecimal(expected).compareTo(BigDecimal.valueOf(cell.getNumericCellValue())),
                    where + ": " + expected + " ≠ " + cell.getNumericCellValue());
        } else {
            assertEquals(expected, cell.getStringCellValue(), where);
        }
    }

    private static boolean sameNumber(String a, String b) {
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    private <T> HttpResponse<T> get(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        HttpResponse<T> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(exports + path)).build(), body);
        assertEquals(200, response.statusCode(), path);
        return response;
    }

    /** RFC 4180 records: fields separated by commas, quoted fields with doubled quotes, CRLF or LF line ends. */
    static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                } else {
                    field.append(ch);
                }
            }
            if (field.length() > 0 || !record.isEmpty()) {
                record.add(field.toString());
                records.add(record);
            }
            return records;
        }
    }
}
