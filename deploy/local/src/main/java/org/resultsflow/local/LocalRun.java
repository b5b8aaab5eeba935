package org.resultsflow.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * {@code deploy/local/run}: the system on this machine with the sample documents ingested, until Ctrl-C.
 * Exit codes: 0 after a clean stop, 1 when the stack could not start, 2 for a bad command line or a
 * port in use.
 */
public final class LocalRun {

    static final String USAGE = """
            usage: deploy/local/run [options] [FILE|FOLDER ...]

            Starts an embedded Kafka broker and PostgreSQL, the three services, ingests the sample
            documents (deploy/samples) and the files and folders given, prints where to look, and runs
            until Ctrl-C. Documents: .txt, .html, .pdf, and IATI activity files (.xml).

            options:
              --keep-data          keep the broker's and database's data (and logs) after stopping
              --data-dir DIR       where data and logs go (default deploy/local/data)
              --no-samples         do not ingest the sample documents
              --ingest-port N      default 8081
              --catalog-port N     default 8082
              --reporting-port N   default 8083
              --kafka-port N       default 9092
              --postgres-port N    default 15432
            """;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;

    private LocalRun() {
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
            System.err.println("deploy/local/run: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (arguments.help()) {
            OUT.print(USAGE);
            return;
        }
        LocalStack.Options options = arguments.options();
        try {
            LocalStack.checkPorts(options);
        } catch (LocalStack.PortTakenException e) {
            System.err.println("deploy/local/run: " + e.getMessage());
            System.exit(2);
        }
        LocalStack stack = new LocalStack(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            OUT.println();
            OUT.println("Stopping ...");
            stack.close();
            if (!options.keepData()) {
                deleteTree(options.dataDir());
            }
            OUT.println(options.keepData() ? "Stopped; data kept in " + options.dataDir() : "Stopped; data removed.");
            stopped.countDown();
        }, "resultsflow-local-stop"));

        try {
            stack.start(OUT::println);
        } catch (LocalStack.PortTakenException e) {
            System.err.println("deploy/local/run: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("deploy/local/run: could not start: " + e.getMessage());
            System.exit(1);
        }

        List<Path> documents = new ArrayList<>();
        if (arguments.samples()) {
            documents.addAll(LocalStack.documents(project.resolve("deploy/samples")));
        }
        for (Path path : arguments.paths()) {
            documents.addAll(LocalStack.documents(path));
        }
        int accepted = ingest(stack, documents);
        if (accepted > 0) {
            awaitReporting(stack);
        }
        printWhereToLook(stack, options);
        stopped.await();
    }

    private static int ingest(LocalStack stack, List<Path> documents) throws InterruptedException {
        OUT.println("Ingesting " + documents.size() + " document(s):");
        int accepted = 0;
        List<String> notIngested = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Path document = documents.get(i);
            try {
                LocalStack.Ingested result = stack.ingest(document);
                OUT.println("  [" + (i + 1) + "/" + documents.size() + "] " + describe(result));
                if (result.accepted()) {
                    accepted++;
                } else if (result.status() != 0) {
                    notIngested.add(document.getFileName() + ": " + message(result));
                }
            } catch (IOException e) {
                OUT.println("  " + document.getFileName() + ": not ingested: " + e.getMessage());
                notIngested.add(document.getFileName() + ": " + e.getMessage());
            }
        }
        OUT.println(accepted + " of " + documents.size() + " document(s) ingested.");
        if (!notIngested.isEmpty()) {
            OUT.println(notIngested.size() + " not ingested, and why:");
            notIngested.forEach(n -> OUT.println("  " + n));
            OUT.println("A page that does not show its outcome can be posted with the address it was published at,"
                    + " which names the outcome:");
            OUT.println("  curl -H 'Authorization: Bearer <token>' -H 'Content-Type: text/plain' --data-binary @<file> \\");
            OUT.println("    '" + stack.ingestUrl("/api/documents") + "?source=<the page's URL>'   (or ?outcome=<outcome id>)");
        }
        return accepted;
    }

    private static String message(LocalStack.Ingested result) {
        try {
            return "HTTP " + result.status() + ", " + JSON.readTree(result.body()).path("message").asText();
        } catch (IOException e) {
            return "HTTP " + result.status();
        }
    }

    static String describe(LocalStack.Ingested result) {
        String name = result.file().getFileName().toString();
        if (result.status() == 0) {
            return name + ": " + result.body();
        }
        try {
            JsonNode body = JSON.readTree(result.body());
            if (!result.accepted()) {
                return name + ": rejected (" + result.status() + "): " + body.path("message").asText();
            }
            JsonNode counts = body.path("counts");
            return String.format("%s: %s, %s — %d outcomes, %d outputs, %d indicators, %d observations, %d budgets,"
                            + " %d progress notes, %d warnings", name, body.path("status").asText(),
                    body.path("layout").asText(), counts.path("outcomes").asInt(), counts.path("outputs").asInt(),
                    counts.path("indicators").asInt(), counts.path("observations").asInt(), counts.path("budgets").asInt(),
                    counts.path("progressNotes").asInt(), body.path("warnings").size());
        } catch (IOException e) {
            return name + ": HTTP " + result.status();
        }
    }

    /** Waits (bounded) until the reports stop growing, so the printed links show the documents. */
    private static void awaitReporting(LocalStack stack) throws InterruptedException {
        OUT.print("Waiting for the catalog and reports to catch up ...");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        int last = -1;
        Instant stableSince = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            int count = outcomesReported(stack);
            if (count != last) {
                last = count;
                stableSince = Instant.now();
            } else if (count > 0 && Duration.between(stableSince, Instant.now()).toSeconds() >= 3) {
                break;
            }
            Thread.sleep(500);
        }
        OUT.println(" " + Math.max(last, 0) + " outcome(s) in the reports.");
    }

    private static int outcomesReported(LocalStack stack) throws InterruptedException {
        try {
            return JSON.readTree(stack.get(stack.reportingUrl("/api/reports/outcomes?size=500")).body()).size();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * One line: each service's readiness, and the domain metrics that say whether data flows (outbox backlog,
     * consumer lag, dead letters), as the services' own /q/metrics report them.
     */
    static String healthSummary(LocalStack stack) {
        StringBuilder line = new StringBuilder("Health:");
        for (String[] service : List.of(new String[] {"ingest", stack.ingestUrl("")},
                new String[] {"catalog", stack.catalogUrl("")}, new String[] {"reporting", stack.reportingUrl("")})) {
            line.append(' ').append(service[0]).append(' ').append(ready(stack, service[1]) ? "ready" : "NOT READY").append(',');
        }
        String catalog = metrics(stack, stack.catalogUrl("/q/metrics"));
        String reporting = metrics(stack, stack.reportingUrl("/q/metrics"));
        line.append(" outbox ").append(sum(catalog, "resultsflow_outbox_backlog")).append(" pending,")
                .append(" lag catalog ").append(sum(catalog, "resultsflow_consumer_lag"))
                .append(" reporting ").append(sum(reporting, "resultsflow_consumer_lag")).append(',')
                .append(" dead letters ").append(sum(catalog, "resultsflow_dead_letters_total")
                        + sum(reporting, "resultsflow_dead_letters_total"));
        return line.toString();
    }

    private static boolean ready(LocalStack stack, String base) {
        try {
            return stack.get(base + "/q/health/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String metrics(LocalStack stack, String url) {
        try {
            return stack.get(url).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The sum of a metric's series in a Prometheus text scrape (all its label sets). */
    static long sum(String scrape, String metric) {
        return Math.round(scrape.lines().filter(l -> l.startsWith(metric + "{") || l.startsWith(metric + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum());
    }

    private static void printWhereToLook(LocalStack stack, LocalStack.Options options) throws IOException {
        Path tokenFile = options.dataDir().resolve("token");
        Files.writeString(tokenFile, stack.token() + "\n");
        OUT.println();
        OUT.println("resultsflow is running. Open:");
        OUT.println("  Dashboard                       " + stack.reportingUrl("/"));
        OUT.println("  Outcomes of Mexico (reporting)  " + stack.reportingUrl("/api/reports/outcomes?office=MEX"));
        OUT.println("  Milestone attainment            " + stack.reportingUrl("/api/reports/milestone-attainment?office=MEX"));
        OUT.println("  Budget utilisation              " + stack.reportingUrl("/api/reports/budget-utilisation?office=MEX"));
        OUT.println("  Canonical outcome (catalog)     " + stack.catalogUrl("/api/outcomes/XM-DAC-41146-MEX_D_2.1"));
        OUT.println("  Change events (AsyncAPI)        " + stack.catalogUrl("/asyncapi.yaml"));
        OUT.println("  Ingested documents (ingest)     " + stack.ingestUrl("/api/documents"));
        OUT.println("  Swagger UI                      " + stack.ingestUrl("/q/swagger-ui") + "  "
                + stack.catalogUrl("/q/swagger-ui") + "  " + stack.reportingUrl("/q/swagger-ui"));
        OUT.println("  Kafka                           localhost:" + options.kafkaPort()
                + "  (topics results.*, catalog.changes)");
        OUT.println("  PostgreSQL                      localhost:" + options.postgresPort()
                + "  (databases ingest, catalog, reporting; user and password = database name)");
        OUT.println("  Change feed (HTTP, SSE)         " + stack.catalogUrl("/api/changes"));
        OUT.println("  Metrics (Prometheus)            " + stack.ingestUrl("/q/metrics") + "  "
                + stack.catalogUrl("/q/metrics") + "  " + stack.reportingUrl("/q/metrics"));
        OUT.println("  Logs                            " + options.dataDir().resolve("logs"));
        OUT.println("Bearer token for POST " + stack.ingestUrl("/api/documents") + " (roles ingest, admin; 24 h), saved in "
                + tokenFile + ":");
        OUT.println("  curl -H \"Authorization: Bearer $(cat " + tokenFile + ")\" -H 'Content-Type: text/plain' "
                + "--data-binary @FILE '" + stack.ingestUrl("/api/documents?name=FILE") + "'");
        OUT.println(healthSummary(stack));
        OUT.println("Press Ctrl-C to stop" + (options.keepData() ? " (data is kept)." : " (data is removed)."));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + root + ": " + e.getMessage());
        }
    }

    /** The parsed command line. */
    record Arguments(LocalStack.Options options, boolean samples, List<Path> paths, boolean help) {

        static Arguments parse(String[] args, Path project) {
            boolean keep = false;
            boolean samples = true;
            boolean help = false;
            Path dataDir = project.resolve("deploy/local/data");
            int ingest = 8081;
            int catalog = 8082;
            int reporting = 8083;
            int kafka = 9092;
            int postgres = 15432;
            List<Path> paths = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> help = true;
                    case "--keep-data" -> keep = true;
                    case "--no-samples" -> samples = false;
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg)).toAbsolutePath();
                    case "--ingest-port" -> ingest = port(args, ++i, arg);
                    case "--catalog-port" -> catalog = port(args, ++i, arg);
                    case "--reporting-port" -> reporting = port(args, ++i, arg);
                    case "--kafka-port" -> kafka = port(args, ++i, arg);
                    case "--postgres-port" -> postgres = port(args, ++i, arg);
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + arg);
                        }
                        Path path = Path.of(arg).toAbsolutePath();
                        if (!Files.exists(path)) {
                            throw new IllegalArgumentException("no such file or folder: " + arg);
                        }
                        paths.add(path);
                    }
                }
            }
            return new Arguments(new LocalStack.Options(project, dataDir, keep, kafka, postgres, ingest, catalog,
                    reporting), samples, paths, help);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int port(String[] args, int i, String option) {
            String value = value(args, i, option);
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a port number, not '" + value + "'");
            }
        }
    }
}
