package org.resultsflow.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.resultsflow.infra.FaultInfrastructure;
import org.resultsflow.infra.Ports;
import org.resultsflow.local.LocalStack;
import org.resultsflow.local.ServiceProcess;

/**
 * The stack of {@code deploy/local/run} — the three packaged services as processes — on a broker process of its
 * own and PostgreSQL, started once per test JVM and shared by the fault and security tests (a start costs a
 * minute on a small machine). Posts documents as a client would: over HTTP, with a bearer token.
 */
final class FaultStack implements ExtensionContext.Store.CloseableResource {

    static final Path PROJECT = Path.of(System.getProperty("resultsflow.project", "../..")).toAbsolutePath().normalize();
    static final String INGEST = "ingest-service";
    static final String CATALOG = "catalog-service";
    static final String REPORTING = "reporting-service";
    static final List<String> SERVICES = List.of(INGEST, CATALOG, REPORTING);
    /** How long a post waits for Kafka before answering 503: short, so a client sees the outage quickly. */
    static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(8);

    private static FaultStack shared;

    /**
     * Starts the shared stack before a test class and stops it when the whole run ends (JUnit closes the root
     * store's resources before the JVM exits, so the stop is not cut short by the fork's exit timeout).
     */
    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(FaultStack.class, k -> {
                try {
                    return start();
                } catch (Exception e) {
                    throw new IllegalStateException("the fault suite's stack did not start", e);
                }
            }, FaultStack.class);
        }
    }

    final LocalStack stack;
    final FaultInfrastructure infra;
    final Path dir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Admin admin;

    private FaultStack(LocalStack stack, FaultInfrastructure infra, Path dir) {
        this.stack = stack;
        this.infra = infra;
        this.dir = dir;
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        this.admin = Admin.create(config);
    }

    /** The stack {@link Shared} started for this run. */
    static synchronized FaultStack shared() {
        if (shared == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(FaultStack.Shared.class)");
        }
        return shared;
    }

    private static synchronized FaultStack start() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("resultsflow-faults-");
            FaultInfrastructure[] infra = new FaultInfrastructure[1];
            LocalStack.Options options = new LocalStack.Options(PROJECT, dir, false, Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), Ports.free());
            LocalStack stack = new LocalStack(options, o -> {
                infra[0] = FaultInfrastructure.start(dir.resolve("infra"), o.kafkaPort(), o.postgresPort());
                return infra[0];
            }, Map.of(INGEST, Map.of("RESULTSFLOW_INGEST_PUBLISH_TIMEOUT", PUBLISH_TIMEOUT.toSeconds() + "S")));
            stack.start(System.out::println);
            shared = new FaultStack(stack, infra[0], dir);
        }
        return shared;
    }

    ServiceProcess service(String name) {
        return stack.service(name);
    }

    /** Posts a document as a client would; status 0 when the service could not be reached. */
    HttpResponse<String> post(Documents.Doc doc) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.ingestUrl("/api/documents?name=" + doc.name())))
                .header("Authorization", "Bearer " + stack.token())
                .header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(PUBLISH_TIMEOUT.plusSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(doc.bytes()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            return null;
        }
    }

    /** GET as JSON text; null when the service does not answer 200. */
    String get(String url) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    int status(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The services not answering ready right now (none when all are). */
    List<String> notReady() throws InterruptedException {
        List<String> down = new java.util.ArrayList<>();
        for (String name : SERVICES) {
            if (status(service(name).url("/q/health/ready")) != 200) {
                down.add(name);
            }
        }
        return down;
    }

    /** The services' consumer groups and the topics each reads. */
    static final Map<String, List<String>> CONSUMERS = Map.of(
            "catalog-service", List.of("results.outcomes", "results.indicators", "results.budgets"),
            "reporting-service", List.of("catalog.changes"));

    /**
     * Records on the services' input topics their consumer groups have not committed yet, summed over groups and
     * partitions (a partition without a commit counts from its start); -1 if the broker does not answer.
     */
    long consumerLag() {
        try {
            long lag = 0;
            for (Map.Entry<String, List<String>> group : CONSUMERS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (TopicDescription topic : admin.describeTopics(group.getValue()).allTopicNames().get().values()) {
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest()));
                }
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                        : admin.listOffsets(latest).all().get().entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += Math.max(0, end.getValue().offset() - (done == null ? 0 : done.offset()));
                }
            }
            return lag;
        } catch (ExecutionException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until every service is ready and the consumers have caught up; fails saying which is not. */
    void awaitSettled(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> down = List.of();
        long lag = -1;
        while (Instant.now().isBefore(deadline)) {
            down = notReady();
            lag = consumerLag();
            if (down.isEmpty() && lag == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("after " + timeout.toSeconds() + " s without a restart: not ready " + down
                + ", consumer lag " + lag);
    }

    String bootstrapServers() {
        return infra.kafkaBootstrapServers();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        stack.close(); // stops the services, then the broker and PostgreSQL
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
