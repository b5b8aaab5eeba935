package org.resultsflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A KRaft broker from the Apache Kafka jars and a PostgreSQL from zonky's bundled binaries, both started by and
 * stopped with this JVM, no Docker needed. Data lives in {@code <dataDir>/kafka} and {@code <dataDir>/postgres}.
 */
public final class EmbeddedInfrastructure extends StartedInfrastructure {

    private static final System.Logger LOG = System.getLogger(EmbeddedInfrastructure.class.getName());
    private static final Duration POSTGRES_STOP_WAIT = Duration.ofSeconds(15);
    /*
     * pg_ctl starts the postmaster as a daemon, so a JVM killed without running its shutdown hooks (kill -9, a
     * test fork timeout) would leave it running for good. This shell outlives the JVM to clean up after it:
     * $1 JVM pid, $2 postgres data dir, $3 data dir to empty ("" to keep). close() kills it first.
     */
    private static final String ORPHAN_GUARD = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ -f "$2/postmaster.pid" ]; then
              pg=$(head -n 1 "$2/postmaster.pid")
              kill -INT "$pg" 2>/dev/null  # fast shutdown
              while kill -0 "$pg" 2>/dev/null; do sleep 0.2; done
            fi
            if [ -n "$3" ]; then rm -rf "$3/kafka" "$3/postgres"; rmdir "$3"; fi
            """;

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean keepData;
    private final Process orphanGuard;

    private EmbeddedInfrastructure(EmbeddedKafka kafka, EmbeddedPostgres postgres, Path dataDir, boolean keepData) {
        // zonky's initdb makes "postgres" a superuser that needs no password (trust authentication).
        super(new Endpoints("localhost:" + kafka.port(), "localhost", postgres.getPort(), "postgres", ""));
        this.kafka = kafka;
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.keepData = keepData;
        this.orphanGuard = startOrphanGuard(dataDir, keepData);
    }

    /** Free ports, a fresh temporary data dir deleted on {@link #close()}. */
    public static EmbeddedInfrastructure start() {
        try {
            return start(0, 0, Files.createTempDirectory("resultsflow-infra-"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param kafkaPort    Kafka client port, advertised as {@code localhost:kafkaPort}; 0 for a free one
     * @param postgresPort PostgreSQL port; 0 for a free one
     * @param dataDir      created if missing
     * @param keepData     reuse data found in {@code dataDir} and leave it there on {@link #close()}; otherwise
     *                     start empty and delete it on close
     */
    public static EmbeddedInfrastructure start(int kafkaPort, int postgresPort, Path dataDir, boolean keepData) {
        Path kafkaDir = dataDir.resolve("kafka");
        Path postgresDir = dataDir.resolve("postgres");
        if (!keepData) { // leftovers of a run that was killed
            deleteRecursively(kafkaDir);
            deleteRecursively(postgresDir);
        }
        // Both take seconds, mostly waiting on disk and child processes: start them side by side.
        CompletableFuture<EmbeddedPostgres> postgres = CompletableFuture.supplyAsync(
                () -> startPostgres(postgresPort, postgresDir));
        EmbeddedKafka kafka;
        try {
            kafka = startKafka(kafkaPort, kafkaDir);
        } catch (RuntimeException e) {
            postgres.thenAccept(pg -> stopQuietly(pg, postgresDir));
            throw e;
        }
        try {
            return new EmbeddedInfrastructure(kafka, postgres.join(), dataDir, keepData);
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        if (orphanGuard != null) {
            orphanGuard.destroy();
        }
        try {
            kafka.close();
        } finally {
            stopQuietly(postgres, dataDir.resolve("postgres"));
            if (!keepData) {
                deleteRecursively(dataDir.resolve("kafka"));
                deleteRecursively(dataDir.resolve("postgres"));
                deleteIfEmpty(dataDir); // never more than we created
            }
        }
        LOG.log(Level.INFO, "Stopped embedded Kafka and PostgreSQL in {0,number,#} ms{1}", millisSince(t0),
                keepData ? ", data kept in " + dataDir : "");
    }

    private static Process startOrphanGuard(Path dataDir, boolean keepData) {
        try {
            return new ProcessBuilder("sh", "-c", ORPHAN_GUARD, "orphan-guard",
                    String.valueOf(ProcessHandle.current().pid()), dataDir.resolve("postgres").toString(),
                    keepData ? "" : dataDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) { // no sh (Windows): clean-up then depends on the shutdown hooks alone
            LOG.log(Level.WARNING, "No orphan guard for PostgreSQL: " + e.getMessage());
            return null;
        }
    }

    private static EmbeddedKafka startKafka(int port, Path dir) {
        long t0 = System.nanoTime();
        try {
            EmbeddedKafka kafka = EmbeddedKafka.start(port, dir);
            LOG.log(Level.INFO, "Started embedded Kafka {0} (KRaft, combined broker+controller) at localhost:{1,number,#} in {2,number,#} ms",
                    EmbeddedKafka.version(), kafka.port(), millisSince(t0));
            return kafka;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start embedded Kafka", e);
        }
    }

    private static EmbeddedPostgres startPostgres(int port, Path dir) {
        long t0 = System.nanoTime();
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false) // we delete (or keep) the data dir ourselves
                    .setServerConfig("fsync", "off") // no sync to disk: only a machine crash could lose data
                    // zonky turns synchronous_commit off; then a commit is acknowledged before its WAL is written,
                    // and a killed PostgreSQL loses changes the consumers were told are durable.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60)) // 10 s default is tight on a busy machine
                    .start();
            LOG.log(Level.INFO, "Started embedded PostgreSQL {0} at localhost:{1,number,#} in {2,number,#} ms",
                    serverVersion(postgres), postgres.getPort(), millisSince(t0));
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL", e);
        }
    }

    private static String serverVersion(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * zonky registers its own shutdown hook that may already be stopping the server when ours runs; then
     * {@code close()} returns at once. The postmaster removes {@code postmaster.pid} as its last act, so wait for
     * that before the data dir may be deleted.
     */
    private static void stopQuietly(EmbeddedPostgres postgres, Path dir) {
        try {
            postgres.close();
            Path pidFile = dir.resolve("postmaster.pid");
            long deadline = System.nanoTime() + POSTGRES_STOP_WAIT.toNanos();
            while (Files.exists(pidFile) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not stop embedded PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not delete " + dir, e);
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
