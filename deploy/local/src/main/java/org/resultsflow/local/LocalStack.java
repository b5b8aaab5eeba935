package org.resultsflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.resultsflow.infra.Database;
import org.resultsflow.infra.EmbeddedInfrastructure;
import org.resultsflow.infra.Infrastructure;
import org.resultsflow.infra.Ports;

/**
 * The whole system on one machine: an embedded Kafka broker and PostgreSQL, and the three packaged
 * services as separate processes configured through their environment, as they would be deployed.
 * The local run command and the end-to-end test both start it through this class.
 */
public final class LocalStack implements AutoCloseable {

    /** Where things listen and where data goes. */
    public record Options(Path projectDir, Path dataDir, boolean keepData, int kafkaPort, int postgresPort,
            int ingestPort, int catalogPort, int reportingPort) {

        public Map<String, Integer> ports() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("Kafka", kafkaPort);
            ports.put("PostgreSQL", postgresPort);
            ports.put("ingest-service", ingestPort);
            ports.put("catalog-service", catalogPort);
            ports.put("reporting-service", reportingPort);
            return ports;
        }
    }

    /** What ingest answered for one file. */
    public record Ingested(Path file, int status, String body) {

        public boolean accepted() {
            return status == 200 || status == 201;
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /** Starts the broker and the database the services use; closed with the stack. */
    @FunctionalInterface
    public interface InfrastructureFactory {
        Infrastructure start(Options options);
    }

    private final Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ServiceProcess> services = new ArrayList<>();
    private final InfrastructureFactory infrastructureFactory;
    private final Map<String, Map<String, String>> extraEnvironment;
    private Infrastructure infrastructure;
    private LocalToken keys;
    private String token;
    private Path profileDir;
    private int instances = 1;

    /** A stack not started yet: {@link #close()} may be called at any time, also while it starts. */
    public LocalStack(Options options) {
        this(options, o -> EmbeddedInfrastructure.start(o.kafkaPort(), o.postgresPort(), o.dataDir().resolve("infra"),
                o.keepData()), Map.of());
    }

    /**
     * A stack on infrastructure of the caller's making (the fault suite runs the broker as a process of its
     * own, to kill it), with extra environment per service name (e.g. shorter timeouts).
     */
    public LocalStack(Options options, InfrastructureFactory infrastructureFactory,
            Map<String, Map<String, String>> extraEnvironment) {
        this.options = options;
        this.infrastructureFactory = infrastructureFactory;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /**
     * Records a JDK Flight Recorder profile of each service, written to {@code dir/<service>.jfr} when the
     * service stops (the benchmark's {@code --profile}). Call before {@link #start}.
     */
    public LocalStack profileInto(Path dir) {
        this.profileDir = dir;
        return this;
    }

    /**
     * Each service's JVM: 128 MiB of heap, half of the memory its container has in deploy/k8s (256 MiB), the rest for
     * metaspace, code, thread stacks and network buffers; the catalog 192 MiB, as it holds a batch's claims, records
     * and outbox rows in its session (its container has 448 MiB: its metaspace alone is ~100 MiB). The serial
     * collector, as a small heap needs no more. C1 only: in the benchmark's freshness phase C2's compiler threads
     * used 43 % of the services' CPU, and its compilation arenas (up to 40 MiB), profiling data (in metaspace) and
     * larger code added ~55 MiB to each service's peak RSS. The images run the same JVM.
     */
    static List<String> serviceJvm(String service) {
        String heap = service.startsWith("catalog-service") ? "-Xmx192m" : "-Xmx128m";
        return List.of(heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=64m",
                "-XX:MaxDirectMemorySize=64m");
    }

    /**
     * Runs {@code count} catalog-service and reporting-service processes (one consumer group each, sharing the
     * partitions), the extra ones named {@code catalog-service-2}, ... on free ports. Call before {@link #start}.
     */
    public LocalStack instances(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("instances: at least 1, not " + count);
        }
        this.instances = count;
        return this;
    }

    /**
     * The topics with as many partitions as deploy/k8s gives them (base/kafka/topics.yaml), so that several
     * instances share the work as they would there; the broker would otherwise create them with one.
     */
    static final Map<String, Integer> TOPICS = Map.of("results.outcomes", 6, "results.indicators", 6,
            "results.budgets", 6, "catalog.changes", 6, "catalog.dlq", 1, "reporting.dlq", 1);

    private static void createTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(1, TimeUnit.MINUTES);
            List<NewTopic> missing = TOPICS.entrySet().stream().filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), t.getValue(), (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(1, TimeUnit.MINUTES);
            }
        }
    }

    /** The JVM options of a service process: its memory bounds, and the profiler when asked for. */
    private List<String> jvmOptions(String service) throws IOException {
        List<String> jvm = new ArrayList<>(serviceJvm(service));
        if (profileDir != null) {
            Files.createDirectories(profileDir);
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + profileDir.resolve(service + ".jfr"));
        }
        return jvm;
    }

    /**
     * Starts everything, or nothing: a failure stops what had started and says what went wrong.
     *
     * @throws PortTakenException when a port is in use, before anything starts
     */
    public void start(Consumer<String> progress) throws Exception {
        checkPorts(options);
        try {
            startAll(progress);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Fails, before anything starts, when a port the stack needs is in use. */
    public static void checkPorts(Options options) throws PortTakenException {
        for (Map.Entry<String, Integer> port : options.ports().entrySet()) {
            if (!Ports.isFree(port.getValue())) {
                throw new PortTakenException(port.getKey(), port.getValue());
            }
        }
    }

    private void startAll(Consumer<String> progress) throws Exception {
        progress.accept("Starting Kafka on " + options.kafkaPort() + " and PostgreSQL on " + options.postgresPort() + " ...");
        Infrastructure started = infrastructureFactory.start(options);
        synchronized (this) {
            infrastructure = started;
        }

        keys = LocalToken.generate();
        Path publicKey = keys.writePublicKey(options.dataDir().resolve("jwt/public-key.pem"));
        token = keys.mint("local-user", List.of("ingest", "admin"), Duration.ofDays(1));

        Path logs = options.dataDir().resolve("logs");
        Map<String, String> ingestEnv = environment("ingest");
        ingestEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        Map<String, String> reportingEnv = environment("reporting");
        reportingEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());

        createTopics(started.kafkaBootstrapServers());
        progress.accept("Starting ingest-service, catalog-service and reporting-service"
                + (instances > 1 ? " (" + instances + " instances each of catalog and reporting)" : "") + " ...");
        Map<String, String> catalogEnv = environment("catalog");
        // catalog's admin endpoints (dead letters) verify tokens with the same key
        catalogEnv.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toString());
        catalogEnv.putAll(extraEnvironment.getOrDefault("catalog-service", Map.of()));
        reportingEnv.putAll(extraEnvironment.getOrDefault("reporting-service", Map.of()));
        ingestEnv.putAll(extraEnvironment.getOrDefault("ingest-service", Map.of()));
        synchronized (this) {
            for (int i = 1; i <= instances; i++) {
                services.add(instance("catalog-service", i, options.catalogPort(), catalogEnv, logs));
                services.add(instance("reporting-service", i, options.reportingPort(), reportingEnv, logs));
            }
            services.add(ServiceProcess.start("ingest-service", app("ingest-service"), options.ingestPort(), ingestEnv,
                    jvmOptions("ingest-service"), logs));
        }
        for (ServiceProcess service : List.copyOf(services)) {
            service.awaitReady(http, READY_TIMEOUT);
            progress.accept("  " + service.name() + " ready at " + service.url(""));
        }
    }

    /** Instance 1 of a service on its given port, the others on free ones. */
    private ServiceProcess instance(String service, int instance, int port, Map<String, String> env, Path logs)
            throws IOException {
        String name = instance == 1 ? service : service + "-" + instance;
        return ServiceProcess.start(name, app(service), instance == 1 ? port : Ports.free(), env, jvmOptions(name), logs);
    }

    private Map<String, String> environment(String database) {
        Database db = infrastructure.database(database);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        // The jars run in the prod profile, which logs JSON for collectors; people read the local logs.
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        // glibc gives each thread that allocates its own 64 MiB arena; a JVM needs few (as in the images).
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    private Path app(String service) {
        return options.projectDir().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** A bearer token with the ingest and admin roles, valid for a day. */
    public String token() {
        return token;
    }

    /** The key pair the services trust, to mint other tokens (expired, without a role, ...). */
    public LocalToken keys() {
        return keys;
    }

    /** The broker and database the services run on (the benchmark measures their floors on them). */
    public synchronized Infrastructure infrastructure() {
        return infrastructure;
    }

    /** ingest-service, catalog-service or reporting-service. */
    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Waits until {@code service} reports ready again, e.g. after a restart. */
    public void awaitReady(ServiceProcess service) throws InterruptedException {
        service.awaitReady(http, READY_TIMEOUT);
    }

    public String ingestUrl(String path) {
        return service("ingest-service").url(path);
    }

    public String catalogUrl(String path) {
        return service("catalog-service").url(path);
    }

    public String reportingUrl(String path) {
        return service("reporting-service").url(path);
    }

    public List<Path> logs() {
        return services.stream().map(ServiceProcess::log).toList();
    }

    /** Posts one document to ingest as an authenticated user would. */
    public Ingested ingest(Path file) throws IOException, InterruptedException {
        Optional<String> mediaType = mediaType(file);
        if (mediaType.isEmpty()) {
            return new Ingested(file, 0, "skipped: not .txt, .html or .pdf");
        }
        String name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingestUrl("/api/documents?name=" + name)))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", mediaType.get())
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Ingested(file, response.statusCode(), response.body());
    }

    /** GET on any of the services, as text. */
    public HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The documents to ingest under a path: the file itself, or the files of a folder in name order. */
    public static List<Path> documents(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (var files = Files.list(path)) {
                return files.filter(Files::isRegularFile).filter(f -> mediaType(f).isPresent()).sorted().toList();
            }
        }
        return List.of(path);
    }

    static Optional<String> mediaType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return Optional.of("text/plain; charset=UTF-8");
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of("text/html");
        }
        if (name.endsWith(".pdf")) {
            return Optional.of("application/pdf");
        }
        if (name.endsWith(".xml")) {
            return Optional.of("application/xml"); // IATI activity files
        }
        return Optional.empty();
    }

    /** Stops the services first (they flush to the broker and database), then the infrastructure. */
    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (infrastructure != null) {
            infrastructure.close();
            infrastructure = null;
        }
    }

    /** A port the stack needs is in use by something else. */
    public static final class PortTakenException extends Exception {

        public PortTakenException(String what, int port) {
            super("Port " + port + " (" + what + ") is already in use: stop what uses it, or choose another port"
                    + " (see deploy/local/run --help).");
        }
    }
}
