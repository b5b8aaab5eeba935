package org.resultsflow.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsflow.infra.Ports;

/**
 * Scale-out proven: two catalog and two reporting processes, sharing six partitions per topic, reach exactly
 * the state that one of each reaches from the same documents — every canonical outcome with everything under
 * it, and every attainment row, outcome report and budget row reporting serves.
 */
class ScaleOutIT {

    static final Path PROJECT = Path.of(System.getProperty("resultsflow.project", "../..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final int DOCUMENTS = 12;
    /** Timestamps of the moment of writing, which no two runs share. */
    static final List<String> MOMENTS = List.of("recordedAt", "updatedAt", "changedAt", "firstSeenAt", "ingestedAt",
            "publishedAt", "createdAt");

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoInstancesEachReachTheStateOfOne() throws Exception {
        Map<String, JsonNode> one = stateAfter(1);
        Map<String, JsonNode> two = stateAfter(2);
        assertEquals(one.keySet(), two.keySet());
        one.forEach((what, state) -> assertEquals(state, two.get(what), what));
        assertTrue(one.size() > DOCUMENTS, "outcomes and reports were compared: " + one.keySet());
    }

    /** Posts the same documents to a fresh stack with {@code instances} of catalog and reporting; reads it all. */
    private Map<String, JsonNode> stateAfter(int instances) throws Exception {
        LocalStack.Options options = new LocalStack.Options(PROJECT, data.resolve("stack-" + instances), false,
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
        try (LocalStack stack = new LocalStack(options).instances(instances)) {
            stack.start(System.out::println);
            assertEquals(1 + 2 * instances, stack.services().size(), "ingest, and catalog and reporting " + instances + " times");
            Bench.Documents documents = new Bench.Documents(PROJECT.resolve("deploy/samples"), "SCL");
            List<Bench.Documents.Doc> posted = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                posted.add(documents.make(i, i % Bench.Documents.TEMPLATES));
            }
            // Posted concurrently, so that the instances interleave their batches.
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Bench.Documents.Doc doc : posted) {
                answers.add(clients.submit(() -> post(stack, doc)));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get());
            }
            clients.shutdown();
            awaitSettled(stack, posted);
            Map<String, JsonNode> state = new TreeMap<>();
            for (Bench.Documents.Doc doc : posted) {
                String office = doc.office();
                JsonNode outcomes = get(stack.catalogUrl("/api/outcomes?size=500&office=" + office));
                for (JsonNode outcome : outcomes) {
                    String id = outcome.get("id").asText();
                    state.put("catalog " + id, get(stack.catalogUrl("/api/outcomes/" + id + "?include=observations")));
                }
                state.put("attainment " + office, get(stack.reportingUrl("/api/reports/milestone-attainment?size=500&office=" + office)));
                state.put("outcomes " + office, get(stack.reportingUrl("/api/reports/outcomes?size=500&office=" + office)));
                state.put("budgets " + office, get(stack.reportingUrl("/api/reports/budget-utilisation?size=500&office=" + office)));
            }
            state.replaceAll((what, node) -> withoutMoments(node));
            return state;
        }
    }

    private int post(LocalStack stack, Bench.Documents.Doc doc) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.ingestUrl("/api/documents?name=" + doc.name())))
                .header("Authorization", "Bearer " + stack.token()).header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofByteArray(doc.bytes())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Until reporting's row counts of every office stay unchanged for 5 s and the pipeline's backlog is empty. */
    private void awaitSettled(LocalStack stack, List<Bench.Documents.Doc> posted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = null;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            StringBuilder counts = new StringBuilder();
            for (Bench.Documents.Doc doc : posted) {
                counts.append(stack.get(stack.reportingUrl("/api/reports/milestone-attainment?size=1&office=" + doc.office()))
                        .headers().firstValue("X-Total-Count").orElse("?")).append(',');
            }
            String now = counts.toString();
            if (!now.equals(last)) {
                last = now;
                since = System.nanoTime();
            } else if (!now.contains(",0,") && !now.startsWith("0,") && System.nanoTime() - since > 5_000_000_000L
                    && backlog(stack) == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("reporting did not settle: " + last);
    }

    private static long backlog(LocalStack stack) throws Exception {
        String catalog = stack.get(stack.catalogUrl("/q/metrics")).body();
        return LocalRun.sum(catalog, "resultsflow_outbox_backlog");
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode withoutMoments(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(MOMENTS);
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                withoutMoments(fields.next().getValue());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ScaleOutIT::withoutMoments);
        }
        return node;
    }
}
