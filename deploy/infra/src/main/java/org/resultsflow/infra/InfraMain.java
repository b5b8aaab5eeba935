package org.resultsflow.infra;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The embedded broker and database as a process of their own, for the local run:
 *
 * <pre>
 * java -cp 'deploy/infra/target/resultsflow-infra-*.jar:deploy/infra/target/lib/*' org.resultsflow.infra.InfraMain \
 *     --kafka-port 9092 --postgres-port 15432 --data-dir DIR --databases ingest,catalog,reporting [--keep-data]
 * </pre>
 *
 * Prints exactly one line to stdout, {@code READY kafka=localhost:9092 postgres=localhost:15432}, once both
 * accept clients and the databases exist (role = password = database name); logs go to stderr. SIGTERM or
 * SIGINT stops both and deletes the data unless {@code --keep-data}. Exit code 2: bad arguments or a port in use;
 * 1: failed to start.
 */
public final class InfraMain {

    static final int USAGE_ERROR = 2;
    private static final String USAGE = "usage: InfraMain [--kafka-port 9092] [--postgres-port 15432] --data-dir DIR"
            + " [--databases a,b,c] [--keep-data]";

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One line per record, before anything touches java.util.logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
        }
        PrintStream err = System.err;

        int kafkaPort = 9092;
        int postgresPort = 15432;
        Path dataDir = null;
        List<String> databases = List.of();
        boolean keepData = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--kafka-port" -> kafkaPort = Integer.parseInt(args[++i]);
                    case "--postgres-port" -> postgresPort = Integer.parseInt(args[++i]);
                    case "--data-dir" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                    case "--databases" -> databases = Arrays.stream(args[++i].split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--keep-data" -> keepData = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir is required");
            }
        } catch (RuntimeException e) { // IllegalArgument, NumberFormat, ArrayIndexOutOfBounds
            err.println("InfraMain: " + e.getMessage() + "\n" + USAGE);
            System.exit(USAGE_ERROR);
            return;
        }

        List<String> taken = new ArrayList<>();
        if (!Ports.isFree(kafkaPort)) {
            taken.add("Kafka port " + kafkaPort);
        }
        if (!Ports.isFree(postgresPort)) {
            taken.add("PostgreSQL port " + postgresPort);
        }
        if (!taken.isEmpty()) {
            err.println("InfraMain: " + String.join(" and ", taken) + " already in use; is another local stack running?");
            System.exit(USAGE_ERROR);
        }

        long t0 = System.nanoTime();
        EmbeddedInfrastructure infra;
        try {
            infra = EmbeddedInfrastructure.start(kafkaPort, postgresPort, dataDir, keepData);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            System.exit(1); // not just return: broker threads would keep the JVM up
            return;
        }
        // Printed directly: java.util.logging resets its handlers in a shutdown hook of its own.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("InfraMain: stopping");
            infra.close();
            err.println("InfraMain: stopped");
        }, "infra-main-stop"));
        try {
            databases.forEach(infra::database);
        } catch (RuntimeException e) {
            e.printStackTrace(err);
            System.exit(1); // the hook stops both
        }
        err.printf("InfraMain: up in %d ms, databases %s, data dir %s%n",
                (System.nanoTime() - t0) / 1_000_000, databases, dataDir);

        System.out.println("READY kafka=" + infra.kafkaBootstrapServers() + " postgres=localhost:" + postgresPort);
        System.out.flush();
        Thread.currentThread().join(); // until a signal runs the shutdown hook
    }
}
