package org.resultsflow.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** InfraMain as the local launcher runs it: a child process from the packaged jar and target/lib. */
class InfraMainIT {

    private static final Path JAR = Path.of(System.getProperty("infra.jar"));
    private static final Path LIB = Path.of(System.getProperty("infra.lib"));

    @TempDir
    Path tmp;

    @Test
    void startsBothPrintsReadyAndCleansUpOnSigterm() throws Exception {
        Path dataDir = tmp.resolve("data");
        int kafkaPort = Ports.free();
        int postgresPort = Ports.free();
        Path log = JAR.resolveSibling("infra-main-it.log");

        Path stdout = tmp.resolve("stdout.txt"); // a file, not a pipe: destroy() closes the pipes

        long t0 = System.nanoTime();
        Process infra = launch(stdout, log, "--kafka-port", String.valueOf(kafkaPort), "--postgres-port",
                String.valueOf(postgresPort), "--data-dir", dataDir.toString(), "--databases", "ingest,catalog");
        try {
            String ready = awaitFirstLine(stdout, infra, Duration.ofMinutes(3));
            System.out.printf("TIMING InfraMain READY %d ms after launch%n", (System.nanoTime() - t0) / 1_000_000);
            assertEquals("READY kafka=localhost:" + kafkaPort + " postgres=localhost:" + postgresPort, ready);

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort))) {
                assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
            }
            for (String db : List.of("ingest", "catalog")) {
                try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://localhost:" + postgresPort + "/" + db, db, db);
                     ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                    assertTrue(rs.next());
                    assertEquals(db, rs.getString(1));
                }
            }
            assertFalse(postmastersOf(dataDir).isEmpty(), "the postmaster is found by its data dir");

            long t1 = System.nanoTime();
            infra.destroy(); // SIGTERM
            assertTrue(infra.waitFor(60, TimeUnit.SECONDS), "InfraMain exits on SIGTERM");
            System.out.printf("TIMING InfraMain stopped %d ms after SIGTERM (exit %d)%n",
                    (System.nanoTime() - t1) / 1_000_000, infra.exitValue());
            assertEquals(List.of(ready), Files.readAllLines(stdout), "READY is the only line on stdout");
        } finally {
            infra.destroyForcibly();
        }
        assertEquals(List.of(), processesUsing(dataDir), "no postgres (nor its orphan guard) left running");
        assertFalse(Files.exists(dataDir), "data dir removed");
        assertTrue(Ports.isFree(kafkaPort) && Ports.isFree(postgresPort), "ports released");
    }

    @Test
    void killedHardItStillLeavesNoPostgresBehind() throws Exception {
        Path dataDir = tmp.resolve("data");
        Path stdout = tmp.resolve("stdout.txt");
        Process infra = launch(stdout, JAR.resolveSibling("infra-main-it-kill.log"), "--kafka-port",
                String.valueOf(Ports.free()), "--postgres-port", String.valueOf(Ports.free()),
                "--data-dir", dataDir.toString());
        try {
            awaitFirstLine(stdout, infra, Duration.ofMinutes(3));
            assertFalse(postmastersOf(dataDir).isEmpty());
        } finally {
            infra.destroyForcibly(); // SIGKILL: no shutdown hooks run
        }
        infra.waitFor(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!processesUsing(dataDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(List.of(), processesUsing(dataDir), "the orphan guard stopped postgres");
        assertFalse(Files.exists(dataDir), "and removed the data dir");
    }

    @Test
    void portInUseIsAOneLineErrorAndExitCode2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Path log = tmp.resolve("stderr.log");
            Process infra = launch(tmp.resolve("stdout.txt"), log, "--kafka-port", String.valueOf(taken.getLocalPort()),
                    "--postgres-port", String.valueOf(Ports.free()), "--data-dir", tmp.resolve("data").toString());
            assertTrue(infra.waitFor(60, TimeUnit.SECONDS));
            assertEquals(InfraMain.USAGE_ERROR, infra.exitValue());
            List<String> stderr = Files.readAllLines(log);
            assertEquals(1, stderr.size(), stderr.toString());
            assertTrue(stderr.get(0).contains("Kafka port " + taken.getLocalPort() + " already in use"), stderr.get(0));
            assertFalse(Files.exists(tmp.resolve("data")), "nothing started");
        }
    }

    private static Process launch(Path stdout, Path stderr, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp",
                JAR + File.pathSeparator + LIB.resolve("*"), InfraMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    private static String awaitFirstLine(Path file, Process process, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(file);
            if (!lines.isEmpty()) { // println writes line and separator in one go
                return lines.get(0);
            }
            if (!process.isAlive()) {
                throw new AssertionError("InfraMain exited with " + process.exitValue() + " before READY");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no READY within " + timeout);
    }

    /** The postmaster keeps {@code -D <data dir>} on its command line. */
    private static List<String> postmastersOf(Path dataDir) {
        return commandLinesContaining("-D " + dataDir.resolve("postgres"));
    }

    private static List<String> processesUsing(Path dataDir) {
        return commandLinesContaining(dataDir.toString());
    }

    private static List<String> commandLinesContaining(String text) {
        return ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(cmd -> cmd.contains(text))
                .toList();
    }
}
