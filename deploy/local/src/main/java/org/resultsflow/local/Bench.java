package org.resultsflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.resultsflow.infra.Database;
import org.resultsflow.infra.Ports;

/**
 * {@code deploy/local/bench}: the whole pipeline under load, against its physical floors measured in the same
 * run on the same broker and database. It prints; it never judges a timing.
 *
 * <p>Phases: distinct documents made from the two indicator-rich samples (an office code of their own per copy,
 * so nothing deduplicates); one copy of each learnt (what ingest counts, how many attainment rows reporting
 * serves for it); N documents posted by C clients, until reporting's own row count says every read model is
 * complete; freshness of single documents on the stack idle again; reads at 16 connections against a static
 * resource of the same service; the PostgreSQL and Kafka floors; peak RSS and CPU of each service process.
 */
public final class Bench {

    static final String USAGE = """
            usage: deploy/local/bench [options]

            Starts the stack of deploy/local/run (or uses a running one with --against), posts N distinct
            documents made from the samples, and prints ingest, end-to-end, freshness and read figures against
            the PostgreSQL and Kafka floors measured in the same run, each also as one JSON line.

            options:
              --documents N        documents to post (default 300, about 100,000 observations)
              --clients C          concurrent posting clients (default 4)
              --instances K        catalog and reporting processes (default 1)
              --freshness M        single documents timed on the idle stack (default 20)
              --read-seconds S     seconds of load per read endpoint (default 5)
              --connections N      concurrent connections for the reads (default 16)
              --profile DIR        record a JDK Flight Recorder profile of each service into DIR/<service>.jfr
              --data-dir DIR       where the stack's data and logs go (default deploy/local/data-bench)
              --against URLS       a running stack: ingest=URL,catalog=URL,reporting=URL
              --token TOKEN        bearer token with the ingest role, for --against
              --kafka HOST:PORT    the running stack's broker, for the Kafka floor with --against
              --postgres HOST:PORT the running stack's PostgreSQL, for the database floor with --against
                                   (database, user and password "bench" must exist)
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;
    static final String OUTCOME_PAGE = "001_32a555cdcd01bebc.txt";
    static final String PDF_EXPORT = "004_40431d85d19755e1.txt";

    private final Arguments arguments;
    private final Target target;
    private final HttpClient http;
    private final List<Figure> figures = new ArrayList<>();
    private final Documents documents;

    Bench(Arguments arguments, Target target, Documents documents) {
        this.arguments = arguments;
        this.target = target;
        this.documents = documents;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(4, arguments.connections()), daemon("bench-http")))
                .build();
    }

    /** One figure: printed as a line for people and as one JSON object for comparing runs. */
    record Figure(String name, double value, String unit, String note) {

        String json() {
            ObjectNode node = JSON.createObjectNode().put("bench", "resultsflow").put("figure", name);
            if (Double.isNaN(value)) {
                node.putNull("value");
            } else {
                node.put("value", Math.round(value * 1000) / 1000.0);
            }
            node.put("unit", unit);
            if (note != null) {
                node.put("note", note);
            }
            return node.toString();
        }

        String line() {
            String shown = Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.2f", value);
            return String.format(Locale.ROOT, "  %-56s %12s %-9s%s", name, shown, unit, note == null ? "" : "  " + note);
        }
    }

    /** Where the stack is, and its service processes when this JVM started them (for RSS and CPU). */
    record Target(String ingest, String catalog, String reporting, String token, String kafka, Database floorDatabase,
            Map<String, Long> pids) {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream logging = LocalRun.class.getResourceAsStream("/local-logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);
        }
        Path project = Path.of(System.getProperty("resultsflow.project", ".")).toAbsolutePath().normalize();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, project);
        } catch (IllegalArgumentException e) {
            System.err.println("deploy/local/bench: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            OUT.print(USAGE);
            return;
        }
        Documents documents = new Documents(project.resolve("deploy/samples"));
        if (arguments.against() != null) {
            new Bench(arguments, arguments.against(), documents).run();
            return;
        }
        LocalStack.Options options = new LocalStack.Options(project, arguments.dataDir(), false, Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free());
        try (LocalStack stack = new LocalStack(options)) {
            if (arguments.profile() != null) {
                stack.profileInto(arguments.profile());
            }
            stack.instances(arguments.instances());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop"));
            stack.start(line -> OUT.println("bench: " + line));
            Map<String, Long> pids = new LinkedHashMap<>();
            stack.services().forEach(s -> pids.put(s.name(), s.pid()));
            Target target = new Target(stack.ingestUrl(""), stack.catalogUrl(""), stack.reportingUrl(""), stack.token(),
                    stack.infrastructure().kafkaBootstrapServers(), stack.infrastructure().database("bench"), pids);
            new Bench(arguments, target, documents).run();
        } finally {
            LocalRun.deleteTree(arguments.dataDir());
        }
        if (arguments.profile() != null) {
            OUT.println("bench: profiles in " + arguments.profile() + " (jfr summary / jfr print --events jdk.ExecutionSample)");
        }
    }

    void run() throws Exception {
        OUT.println("bench: load on this machine before the run: " + loadAverage());
        Learnt learnt = learn();
        Map<String, Long> cpuBeforeIngest = cpuTimes();
        long postedBytes = throughput(learnt);
        Map<String, Long> cpuAfterIngest = cpuTimes();
        ingestCpu(postedBytes, cpuBeforeIngest, cpuAfterIngest);
        // After the load, once the stack is idle again: what a document waits on a warm system, not the JIT's
        // first compilations.
        freshness(learnt);
        reads(learnt);
        postgresFloor();
        kafkaFloor();
        memory();
        OUT.println("bench: load on this machine after the run: " + loadAverage());
        OUT.println();
        OUT.println("Figures (" + Runtime.getRuntime().availableProcessors() + " cores; load " + loadAverage() + "):");
        figures.forEach(f -> OUT.println(f.line()));
        ratios();
        OUT.println();
        figures.forEach(f -> OUT.println(f.json()));
    }

    private void figure(String name, double value, String unit) {
        figure(name, value, unit, null);
    }

    private void figure(String name, double value, String unit, String note) {
        Figure figure = new Figure(name, value, unit, note);
        figures.add(figure);
        OUT.println("bench: " + figure.line().strip());
    }

    private double value(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).mapToDouble(Figure::value).findFirst().orElse(Double.NaN);
    }

    // --- learning one copy of each template ----------------------------------------------------------------------

    /** What one copy of a template gives: observations (ingest's count) and attainment rows (reporting's). */
    record Learnt(int[] observations, long[] rows, String office) {
    }

    private Learnt learn() throws Exception {
        int[] observations = new int[Documents.TEMPLATES];
        long[] rows = new long[Documents.TEMPLATES];
        String office = null;
        for (int template = 0; template < Documents.TEMPLATES; template++) {
            Documents.Doc doc = documents.make(Documents.LEARN + template, template);
            Posted posted = post(doc);
            observations[template] = posted.observations();
            rows[template] = awaitStableRows(doc.office(), Duration.ofSeconds(120));
            office = office == null ? doc.office() : office;
            OUT.printf(Locale.ROOT, "bench: a copy of %s: %d observations (ingest), %d attainment rows (reporting)%n",
                    Documents.SAMPLES[template], observations[template], rows[template]);
        }
        return new Learnt(observations, rows, office);
    }

    /** The office's attainment row count once it stops changing (3 s alike). */
    private long awaitStableRows(String office, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long last = -1;
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long rows = rows(office);
            if (rows != last) {
                last = rows;
                since = System.nanoTime();
            } else if (rows > 0 && System.nanoTime() - since > 3_000_000_000L) {
                return rows;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("reporting did not settle on the rows of office " + office + " within " + timeout);
    }

    /** Reporting's own count of attainment rows, of an office or (null) of all. */
    private long rows(String office) throws IOException, InterruptedException {
        String url = target.reporting() + "/api/reports/milestone-attainment?size=1" + (office == null ? "" : "&office=" + office);
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + response.statusCode());
        }
        return Long.parseLong(response.headers().firstValue("X-Total-Count").orElse("-1"));
    }

    // --- freshness -------------------------------------------------------------------------------------------

    /** One document at a time on the idle stack: from the start of its post until reporting serves all its rows. */
    private void freshness(Learnt learnt) throws Exception {
        double[] catalogBefore = freshnessTimer(target.catalog());
        double[] reportingBefore = freshnessTimer(target.reporting());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < arguments.freshness(); i++) {
            int template = i % Documents.TEMPLATES;
            Documents.Doc doc = documents.make(Documents.FRESHNESS + i, template);
            long started = System.nanoTime();
            post(doc);
            long deadline = started + Duration.ofSeconds(60).toNanos();
            while (rows(doc.office()) < learnt.rows()[template]) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("document " + doc.name() + " not fully reported after 60 s");
                }
                Thread.sleep(5);
            }
            millis.add((System.nanoTime() - started) / 1e6);
            Thread.sleep(200);
        }
        figure("freshness.p50", percentile(millis, 50), "ms");
        figure("freshness.p99", percentile(millis, 99), "ms");
        figure("freshness.max", percentile(millis, 100), "ms", millis.size() + " documents, one at a time");
        // Where the time goes, by the services' own freshness timers (from ingest's publication of an event).
        figure("freshness.catalog_commit.mean", meanSince(catalogBefore, freshnessTimer(target.catalog())), "ms",
                "ingest's publication to the catalog's commit, per event");
        figure("freshness.reporting_write.mean", meanSince(reportingBefore, freshnessTimer(target.reporting())), "ms",
                "ingest's publication to reporting's write, per event");
    }

    /** The sum (s) and count of a service's read-model freshness timer. */
    private double[] freshnessTimer(String service) throws IOException, InterruptedException {
        String scrape = scrape(service + "/q/metrics");
        return new double[] {sumOf(scrape, "resultsflow_read_model_freshness_seconds_sum"),
                sumOf(scrape, "resultsflow_read_model_freshness_seconds_count")};
    }

    private static double sumOf(String scrape, String metric) {
        return scrape.lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static double meanSince(double[] before, double[] after) {
        double count = after[1] - before[1];
        return count <= 0 ? Double.NaN : (after[0] - before[0]) / count * 1000;
    }

    // --- throughput ------------------------------------------------------------------------------------------

    record Posted(int status, int observations, long bytes) {
    }

    private Posted post(Documents.Doc doc) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.ingest() + "/api/documents?name=" + doc.name()))
                .header("Authorization", "Bearer " + target.token())
                .header("Content-Type", "text/plain; charset=UTF-8")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofByteArray(doc.bytes()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("POST " + doc.name() + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Posted(response.statusCode(), body.path("counts").path("observations").asInt(), doc.bytes().length);
    }

    /** N documents by C clients; then until reporting's count is complete. Returns the bytes posted. */
    private long throughput(Learnt learnt) throws Exception {
        int n = arguments.documents();
        long baseline = rows(null);
        long expectedRows = baseline;
        long expectedObservations = 0;
        for (int i = 0; i < n; i++) {
            expectedRows += learnt.rows()[i % Documents.TEMPLATES];
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong observations = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(arguments.clients(), daemon("bench-client"));
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < arguments.clients(); c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    Documents.Doc doc = documents.make(Documents.LOAD + i, i % Documents.TEMPLATES);
                    long t = System.nanoTime();
                    Posted posted = post(doc);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    observations.addAndGet(posted.observations());
                    bytes.addAndGet(posted.bytes());
                }
                return null;
            }));
        }
        progress(0, n, 0, expectedRows - baseline, started);
        long lastProgress = System.nanoTime();
        while (running.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(100);
            if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                lastProgress = System.nanoTime();
                progress(Math.min(next.get(), n), n, rows(null) - baseline, expectedRows - baseline, started);
            }
        }
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        double postSeconds = (System.nanoTime() - started) / 1e9;
        expectedObservations = observations.get();
        figure("ingest.documents_per_s", n / postSeconds, "docs/s", n + " documents, " + arguments.clients() + " clients");
        figure("ingest.observations_per_s", expectedObservations / postSeconds, "obs/s");
        figure("ingest.post.p50", percentile(latencies, 50), "ms");
        figure("ingest.post.p99", percentile(latencies, 99), "ms");

        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long rows;
        while ((rows = rows(null)) < expectedRows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting has " + (rows - baseline) + " of " + (expectedRows - baseline)
                        + " attainment rows after 30 min");
            }
            if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                lastProgress = System.nanoTime();
                progress(n, n, rows - baseline, expectedRows - baseline, started);
            }
            Thread.sleep(50);
        }
        double endToEnd = (System.nanoTime() - started) / 1e9;
        progress(n, n, rows - baseline, expectedRows - baseline, started);
        figure("end_to_end.observations_per_s", expectedObservations / endToEnd, "obs/s",
                String.format(Locale.ROOT, "%d observations, %d attainment rows in %.1f s", expectedObservations,
                        expectedRows - baseline, endToEnd));
        figure("end_to_end.seconds", endToEnd, "s");
        lagAtTheEnd();
        return bytes.get();
    }

    private static void progress(int posted, int n, long rows, long expectedRows, long started) {
        OUT.printf(Locale.ROOT, "bench: progress %.0f s: posted %d/%d documents, reporting has %d/%d attainment rows%n",
                (System.nanoTime() - started) / 1e9, posted, n, rows, expectedRows);
    }

    /** Consumer lag and the outbox backlog once complete, as the services' own gauges report them (refreshed every few s). */
    private void lagAtTheEnd() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        long lag;
        long backlog;
        do {
            Thread.sleep(1000);
            String catalog = scrape(target.catalog() + "/q/metrics");
            String reporting = scrape(target.reporting() + "/q/metrics");
            lag = LocalRun.sum(catalog, "resultsflow_consumer_lag") + LocalRun.sum(reporting, "resultsflow_consumer_lag");
            backlog = LocalRun.sum(catalog, "resultsflow_outbox_backlog");
        } while ((lag > 0 || backlog > 0) && System.nanoTime() < deadline);
        figure("end_to_end.consumer_lag_at_end", lag, "records", "catalog + reporting groups, from /q/metrics");
        figure("end_to_end.outbox_backlog_at_end", backlog, "rows");
    }

    private String scrape(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    // --- reads ------------------------------------------------------------------------------------------------

    private void reads(Learnt learnt) throws Exception {
        String office = learnt.office();
        String outcome = "XM-DAC-41146-" + office + "_D_2.1";
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("reporting.static", target.reporting() + "/assets/dashboard.css");
        endpoints.put("reporting.attainment", target.reporting() + "/api/reports/milestone-attainment?office=" + office);
        endpoints.put("reporting.attainment_all", target.reporting() + "/api/reports/milestone-attainment");
        endpoints.put("reporting.attainment_summary", target.reporting() + "/api/reports/milestone-attainment/summary?groupBy=office");
        endpoints.put("reporting.outcomes", target.reporting() + "/api/reports/outcomes?office=" + office);
        endpoints.put("reporting.budget", target.reporting() + "/api/reports/budget-utilisation?office=" + office);
        endpoints.put("catalog.static", target.catalog() + "/asyncapi.yaml");
        endpoints.put("catalog.outcome", target.catalog() + "/api/outcomes/" + outcome);
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            readLoad(endpoint.getKey(), endpoint.getValue());
        }
    }

    /** {@code connections} clients GET the url back to back for the read duration. */
    private void readLoad(String name, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        // warm-up: the JIT and the connection pool
        long warm = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warm) {
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        int connections = arguments.connections();
        ExecutorService pool = Executors.newFixedThreadPool(connections, daemon("bench-read"));
        long end = System.nanoTime() + Duration.ofMillis((long) (arguments.readSeconds() * 1000)).toNanos();
        AtomicLong bytes = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<List<Double>> perClient = new ArrayList<>();
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            List<Double> latencies = new ArrayList<>();
            perClient.add(latencies);
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    latencies.add((System.nanoTime() - t) / 1e6);
                    bytes.addAndGet(response.body().length);
                    if (response.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Double> all = new ArrayList<>();
        perClient.forEach(all::addAll);
        figure("reads." + name + ".requests_per_s", all.size() / seconds, "req/s",
                String.format(Locale.ROOT, "%d connections, %.1f KB per answer%s", connections,
                        all.isEmpty() ? 0 : bytes.get() / 1024.0 / all.size(),
                        failures.get() > 0 ? ", " + failures.get() + " not 200" : ""));
        figure("reads." + name + ".p50", percentile(all, 50), "ms");
        figure("reads." + name + ".p99", percentile(all, 99), "ms");
    }

    // --- floors -------------------------------------------------------------------------------------------------

    /** 1,000-row INSERT … ON CONFLICT DO UPDATE of observation-shaped rows, a transaction per statement, one connection. */
    private void postgresFloor() throws Exception {
        Database db = target.floorDatabase();
        if (db == null) {
            figure("floor.postgres.upsert_rows_per_s", Double.NaN, "rows/s", "no --postgres");
            return;
        }
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password());
        props.setProperty("reWriteBatchedInserts", "true");
        int batches = Math.max(10, Math.min(100, arguments.documents() / 3));
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), props)) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench_observation");
                ddl.execute("create table bench_observation (indicator_id text not null, kind text not null, year int not null,"
                        + " sequence int not null, value numeric, shown text, document_id text not null, as_of date,"
                        + " recorded_at timestamptz not null default now(), primary key (indicator_id, kind, year, sequence))");
            }
            connection.setAutoCommit(false);
            String sql = "insert into bench_observation (indicator_id, kind, year, sequence, value, shown, document_id, as_of)"
                    + " values (?, ?, ?, ?, ?, ?, ?, current_date) on conflict (indicator_id, kind, year, sequence) do update"
                    + " set value = excluded.value, shown = excluded.shown, document_id = excluded.document_id,"
                    + " as_of = excluded.as_of, recorded_at = now()";
            String[] kinds = {"BASELINE", "MILESTONE", "TARGET", "RESULT"};
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int b = 0; b < batches; b++) {
                    for (int r = 0; r < 1000; r++) {
                        int row = b * 1000 + r;
                        insert.setString(1, "XM-DAC-41146-B" + (row / 40) + "_D_2.1.1::SP_D_0.1." + (row / 40 % 7));
                        insert.setString(2, kinds[row % 4]);
                        insert.setInt(3, 2018 + row / 4 % 10);
                        insert.setInt(4, 1);
                        insert.setBigDecimal(5, java.math.BigDecimal.valueOf(row % 1000, 1));
                        insert.setString(6, (row % 1000) / 10.0 + "%");
                        insert.setString(7, "document-" + (row / 360));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            figure("floor.postgres.upsert_rows_per_s", batches * 1000 / seconds, "rows/s",
                    batches + " statements of 1,000 rows, one connection, a commit each");
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table bench_observation");
            }
            connection.commit();
        }
    }

    /** Records of an observation event's size, acks=all and idempotence, as the services produce. */
    private void kafkaFloor() {
        if (target.kafka() == null) {
            figure("floor.kafka.produce_records_per_s", Double.NaN, "records/s", "no --kafka");
            return;
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        int records = Math.max(5_000, Math.min(200_000, arguments.documents() * 400));
        char[] filler = new char[1024];
        Arrays.fill(filler, 'x');
        String value = new String(filler);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("bench.floor", "warm-up", value)); // topic creation and metadata
            producer.flush();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.floor", "key-" + i, value));
            }
            producer.flush();
            double seconds = (System.nanoTime() - started) / 1e9;
            figure("floor.kafka.produce_records_per_s", records / seconds, "records/s",
                    records + " records of 1 KB, acks=all, idempotent, one producer");
        }
    }

    // --- processes --------------------------------------------------------------------------------------------

    private void memory() throws IOException {
        if (target.pids().isEmpty()) {
            figure("rss.peak", Double.NaN, "MiB", "processes not started by the bench");
            return;
        }
        for (Map.Entry<String, Long> service : target.pids().entrySet()) {
            Path status = Path.of("/proc", service.getValue().toString(), "status");
            double mib = Double.NaN;
            if (Files.isReadable(status)) {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        mib = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                    }
                }
            }
            figure("rss.peak." + service.getKey(), mib, "MiB", "VmHWM");
        }
    }

    /** CPU seconds (user + system) of each service process, from /proc; empty when not ours or not Linux. */
    private Map<String, Long> cpuTimes() throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> service : target.pids().entrySet()) {
            Path stat = Path.of("/proc", service.getValue().toString(), "stat");
            if (Files.isReadable(stat)) {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                ticks.put(service.getKey(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return ticks;
    }

    /**
     * Megabytes posted per CPU second of ingest during the load: everything a post costs (HTTP, parsing, identifying,
     * publishing), so a lower bound of the parser's own speed per core.
     */
    private void ingestCpu(long bytes, Map<String, Long> before, Map<String, Long> after) {
        Long start = before.get("ingest-service");
        Long end = after.get("ingest-service");
        if (start == null || end == null || end <= start) {
            figure("ingest.mb_per_cpu_second", Double.NaN, "MB/s", "ingest's process not started by the bench");
            return;
        }
        double cpuSeconds = (end - start) / 100.0; // USER_HZ
        figure("ingest.mb_per_cpu_second", bytes / 1e6 / cpuSeconds, "MB/s",
                String.format(Locale.ROOT, "%.1f MB in %.1f CPU s: parse + publish + HTTP, per core", bytes / 1e6, cpuSeconds));
        after.forEach((service, ticks) -> {
            Long was = before.get(service);
            if (was != null) {
                figure("cpu.load_phase." + service, (ticks - was) / 100.0, "CPU s");
            }
        });
    }

    private void ratios() {
        double floor = value("floor.postgres.upsert_rows_per_s");
        double e2e = value("end_to_end.observations_per_s");
        double reportingStatic = value("reads.reporting.static.requests_per_s");
        double catalogStatic = value("reads.catalog.static.requests_per_s");
        List<Figure> derived = new ArrayList<>();
        derived.add(new Figure("ratio.end_to_end_to_postgres_floor", e2e / floor * 100, "%", null));
        for (Figure f : List.copyOf(figures)) {
            if (f.name().startsWith("reads.") && f.name().endsWith(".requests_per_s") && !f.name().contains(".static.")) {
                double base = f.name().startsWith("reads.reporting.") ? reportingStatic : catalogStatic;
                derived.add(new Figure("ratio." + f.name().replace(".requests_per_s", "") + "_to_static",
                        f.value() / base * 100, "%", null));
            }
        }
        derived.forEach(f -> {
            figures.add(f);
            OUT.println(f.line());
        });
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The parsed command line. */
    record Arguments(int documents, int clients, int instances, int freshness, double readSeconds, int connections,
            Path profile, Path dataDir, Target against, boolean help) {

        static Arguments parse(String[] args, Path project) {
            int documents = 300;
            int clients = 4;
            int instances = 1;
            int freshness = 20;
            double readSeconds = 5;
            int connections = 16;
            Path profile = null;
            Path dataDir = project.resolve("deploy/local/data-bench");
            Map<String, String> urls = null;
            String token = null;
            String kafka = null;
            String postgres = null;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> help = true;
                    case "--documents" -> documents = positive(args, ++i, arg);
                    case "--clients" -> clients = positive(args, ++i, arg);
                    case "--instances" -> instances = positive(args, ++i, arg);
                    case "--freshness" -> freshness = positive(args, ++i, arg);
                    case "--read-seconds" -> readSeconds = Double.parseDouble(value(args, ++i, arg));
                    case "--connections" -> connections = positive(args, ++i, arg);
                    case "--profile" -> profile = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--against" -> urls = urls(value(args, ++i, arg));
                    case "--token" -> token = value(args, ++i, arg);
                    case "--kafka" -> kafka = value(args, ++i, arg);
                    case "--postgres" -> postgres = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            Target against = null;
            if (urls != null) {
                if (token == null) {
                    throw new IllegalArgumentException("--against needs --token (a bearer token with the ingest role)");
                }
                if (instances != 1 || profile != null) {
                    throw new IllegalArgumentException("--instances and --profile start processes; not with --against");
                }
                Database floor = null;
                if (postgres != null) {
                    String[] hostPort = postgres.split(":");
                    floor = new Database("bench", "bench", "bench", hostPort[0], Integer.parseInt(hostPort[1]));
                }
                against = new Target(urls.get("ingest"), urls.get("catalog"), urls.get("reporting"), token, kafka, floor,
                        Map.of());
            }
            return new Arguments(documents, clients, instances, freshness, readSeconds, connections, profile, dataDir,
                    against, help);
        }

        private static Map<String, String> urls(String value) {
            Map<String, String> urls = new LinkedHashMap<>();
            for (String part : value.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2 || !List.of("ingest", "catalog", "reporting").contains(kv[0])) {
                    throw new IllegalArgumentException("--against takes ingest=URL,catalog=URL,reporting=URL, not '" + value + "'");
                }
                urls.put(kv[0], kv[1].replaceAll("/+$", ""));
            }
            if (urls.size() != 3) {
                throw new IllegalArgumentException("--against needs all of ingest=, catalog= and reporting=");
            }
            return urls;
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String[] args, int i, String option) {
            String value = value(args, i, option);
            try {
                int n = Integer.parseInt(value);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a positive number, not '" + value + "'");
            }
        }
    }

    /**
     * Distinct documents made from the two indicator-rich samples (an outcome page and its PDF export): each copy
     * gets an office code of its own in place of {@code MEX}, unique to this run, so no two copies share an
     * outcome, output, indicator or budget and none is deduplicated, within the run or against an earlier one.
     */
    static final class Documents {

        static final String[] SAMPLES = {OUTCOME_PAGE, PDF_EXPORT};
        static final int TEMPLATES = SAMPLES.length;
        /** Number ranges of the phases, so every document of a run is distinct. */
        static final int LEARN = 0;
        static final int FRESHNESS = 100;
        static final int LOAD = 10_000;

        private final String[] templates = new String[TEMPLATES];
        private final String run;

        /** Documents of a run of their own: their codes differ from those of any run before (seconds apart). */
        Documents(Path samples) throws IOException {
            this(samples, Long.toString(System.currentTimeMillis() / 1000 % (36L * 36 * 36), 36).toUpperCase(Locale.ROOT));
        }

        /** @param run three characters [A-Z0-9] that make this run's office codes; the same run, the same documents */
        Documents(Path samples, String run) throws IOException {
            for (int t = 0; t < TEMPLATES; t++) {
                templates[t] = Files.readString(samples.resolve(SAMPLES[t]), StandardCharsets.UTF_8);
            }
            // Office codes are [A-Z][A-Z0-9]{1,9}: B, three characters of the run, five base-36 digits of the document.
            this.run = run;
        }

        record Doc(String office, byte[] bytes) {

            String name() {
                return "bench-" + office + ".txt";
            }
        }

        Doc make(int number, int template) {
            String office = "B" + pad(run, 3) + pad(Integer.toString(number, 36).toUpperCase(Locale.ROOT), 5);
            return new Doc(office, templates[template].replace("MEX_", office + "_").getBytes(StandardCharsets.UTF_8));
        }

        private static String pad(String s, int width) {
            return "0".repeat(Math.max(0, width - s.length())) + s;
        }
    }
}
