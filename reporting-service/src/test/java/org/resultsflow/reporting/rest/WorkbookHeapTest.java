package org.resultsflow.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.Heap;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.reporting.Tables;

/**
 * The workbook export's heap while it is written: 10,000 and 100,000 rows (a tenth and all of as many as
 * {@code resultsflow.test.workbook-rows} says) exported as .xlsx, the heap sampled after a full GC every 200 ms
 * while the server writes and sends them. The growth of each is printed, with the classes that grew most at the
 * larger one's peak, and bounded well below what holding the rows would take.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class WorkbookHeapTest {

    static final int ROWS = Integer.getInteger("resultsflow.test.workbook-rows", 100_000);
    static final String OFFICE = Tables.uniqueOffice();

    @TestHTTPResource("/api/reports/export/")
    URL exports;

    @BeforeAll
    static void generateRows() {
        Tables.execute("INSERT INTO report_attainment (indicator_id, year, sequence, indicator_code, statement, outcome_id,"
                + " output_code, office, result_raw, result_type, result_value, expected_kind, expected_raw, expected_type,"
                + " expected_value, ratio, status, reason, direction, direction_rule)"
                + " SELECT '" + OFFICE + "_D_1.1.1::I' || lpad(i::text, 7, '0'), 2016 + y, s, 'I' || i,"
                + " 'Number of things done in the year by partners, generated for the workbook heap test ' || i,"
                + " 'XM-DAC-41146-" + OFFICE + "_D_1.1', '" + OFFICE + "_D_1.1.1', '" + OFFICE + "',"
                + " (i % 50)::text, 'NUMBER', i % 50, 'MILESTONE', '25', 'NUMBER', 25, round((i % 50) / 25.0, 6),"
                + " CASE WHEN i % 50 >= 25 THEN 'MET' ELSE 'NOT_MET' END, NULL, 'INCREASING', 'TARGET'"
                + " FROM generate_series(1, " + ROWS / 20 + ") AS i, generate_series(0, 9) AS y, generate_series(1, 2) AS s");
    }

    @AfterAll
    static void dropRows() {
        Tables.execute("DELETE FROM report_attainment WHERE office = '" + OFFICE + "'");
    }

    @Test
    void theWorkbookIsWrittenInHeapThatDoesNotGrowWithItsRows() throws Exception {
        Export tenth = export("&year=2016");
        Export all = export("");
        System.out.printf("Workbook of %d rows (%d KB) in %d ms: heap above the baseline at most %d MB; of %d rows (%d KB) in %d ms:"
                        + " at most %d MB%nWhat grew most at the peak of the larger (class, MB):%n%s%n", ROWS / 10, tenth.bytes >> 10,
                tenth.millis, tenth.peak >> 20, ROWS, all.bytes >> 10, all.millis, all.peak >> 20, all.grown);
        assertTrue(tenth.bytes > ROWS / 10 * 10L && all.bytes > ROWS * 10L, "a workbook of every row");
        // The cap ExportTest uses.
        assertTrue(all.peak < 128L << 20, "heap grew by " + (all.peak >> 20) + " MB for " + ROWS + " rows");
    }

    record Export(long bytes, long millis, long peak, String grown) {
    }

    /** Exports the office's workbook (with {@code filter}), the heap sampled after a full GC every 200 ms meanwhile. */
    private Export export(String filter) throws Exception {
        long baseline = Heap.afterFullGc();
        Map<String, Long> before = histogram();
        AtomicLong peak = new AtomicLong();
        AtomicReference<Map<String, Long>> atPeak = new AtomicReference<>(before);
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                long used = Heap.afterFullGc() - baseline;
                if (used > peak.get()) {
                    peak.set(used);
                    atPeak.set(histogram());
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();
        long started = System.nanoTime();
        long bytes = 0;
        try {
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(exports + "milestone-attainment.xlsx?office=" + OFFICE + filter)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    bytes += n;
                }
            }
        } finally {
            done.set(true);
            sampler.join();
        }
        String grown = atPeak.get().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format("  %-60s %6.1f", e.getKey(), e.getValue() / 1048576.0)).collect(Collectors.joining("\n"));
        return new Export(bytes, (System.nanoTime() - started) / 1_000_000, peak.get(), grown);
    }

    /** Bytes per class of this JVM's live objects, as {@code jcmd <pid> GC.class_histogram} prints them. */
    private static Map<String, Long> histogram() {
        Map<String, Long> bytes = new HashMap<>();
        try {
            String all = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            all.lines().map(String::strip).filter(line -> line.matches("\\d+:.*")).forEach(line -> {
                String[] fields = line.split("\\s+");
                bytes.put(fields[3], Long.parseLong(fields[2]));
            });
        } catch (Exception e) {
            bytes.put("no histogram: " + e, 0L);
        }
        return bytes;
    }
}
