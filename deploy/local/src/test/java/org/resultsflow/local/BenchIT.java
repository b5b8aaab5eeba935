package org.resultsflow.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/local/bench} with a handful of documents, so that the command keeps working: it must print every
 * figure, as a line and as JSON, and a progress line. Timings are printed, never judged here.
 */
class BenchIT {

    static final Path PROJECT = Path.of(System.getProperty("resultsflow.project", "../..")).toAbsolutePath().normalize();
    static final List<String> FIGURES = List.of("ingest.documents_per_s", "ingest.observations_per_s", "ingest.post.p50",
            "ingest.post.p99", "ingest.mb_per_cpu_second", "end_to_end.observations_per_s",
            "end_to_end.consumer_lag_at_end", "end_to_end.outbox_backlog_at_end", "freshness.p50", "freshness.p99",
            "freshness.max", "reads.reporting.static.requests_per_s", "reads.reporting.attainment.requests_per_s",
            "reads.reporting.attainment.p99", "reads.reporting.outcomes.requests_per_s",
            "reads.catalog.static.requests_per_s", "reads.catalog.outcome.requests_per_s", "reads.catalog.outcome.p99",
            "floor.postgres.upsert_rows_per_s", "floor.kafka.produce_records_per_s", "rss.peak.ingest-service",
            "rss.peak.catalog-service", "rss.peak.reporting-service", "ratio.end_to_end_to_postgres_floor",
            "ratio.reads.reporting.attainment_to_static");

    @TempDir
    Path data;

    @Test
    void aSmallRunPrintsEveryFigure() throws Exception {
        Path output = data.resolve("bench.out");
        Process bench = new ProcessBuilder(PROJECT.resolve("deploy/local/bench").toString(), "--documents", "4",
                "--clients", "2", "--freshness", "2", "--read-seconds", "0.3", "--data-dir", data.resolve("stack").toString())
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = bench.waitFor(10, TimeUnit.MINUTES);
        String printed = Files.readString(output);
        if (!ended) {
            bench.destroyForcibly();
        }
        assertTrue(ended, "the bench did not end in 10 minutes:\n" + printed);
        assertEquals(0, bench.exitValue(), printed);

        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> figures = new LinkedHashMap<>();
        for (String line : printed.lines().toList()) {
            if (line.startsWith("{")) {
                JsonNode figure = json.readTree(line);
                figures.put(figure.get("figure").asText(), figure);
            }
        }
        for (String name : FIGURES) {
            JsonNode figure = figures.get(name);
            assertTrue(figure != null, name + " is not printed:\n" + printed);
            assertTrue(figure.get("value").isNumber(), name + " has no value: " + figure);
            assertTrue(printed.contains("  " + name + " "), name + " has no line for people:\n" + printed);
        }
        assertEquals(0, figures.get("end_to_end.consumer_lag_at_end").get("value").asLong(), "lag after completion");
        assertEquals(0, figures.get("end_to_end.outbox_backlog_at_end").get("value").asLong(), "outbox after completion");
        assertTrue(printed.contains("bench: progress "), "a progress line:\n" + printed);
        assertFalse(Files.exists(data.resolve("stack")), "the stack's data is removed");
    }
}
