package org.resultsflow.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The broker and the database the way the fault suite needs them: the broker is a process of its own (killed,
 * paused and restarted on the same log directory and port), PostgreSQL is zonky's postmaster, stopped with
 * {@code pg_ctl stop -m immediate} (a crash: no checkpoint, no goodbye to clients) and started again on the
 * same data directory. Linux only (signals, {@code /proc}).
 */
public final class FaultInfrastructure implements Infrastructure {

    private static final Duration BROKER_START = Duration.ofSeconds(90);

    private final Path dir;
    private final int kafkaPort;
    private final Path postgresDir;
    private final EmbeddedPostgres postgres;
    private final Endpoints endpoints;
    private volatile Process broker;

    private FaultInfrastructure(Path dir, int kafkaPort, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.kafkaPort = kafkaPort;
        this.postgresDir = dir.resolve("postgres");
        this.postgres = postgres;
        this.endpoints = new Endpoints("localhost:" + kafkaPort, "localhost", postgres.getPort(), "postgres", "");
    }

    public static FaultInfrastructure start(Path dir, int kafkaPort, int postgresPort) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(postgresPort)
                    .setDataDirectory(dir.resolve("postgres"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off") // an immediate stop is a process crash, not a power cut
                    // zonky turns synchronous_commit off, so a commit is acknowledged before its WAL is written: a
                    // crash then loses commits the services were told had happened, which no deployment does.
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            FaultInfrastructure infra = new FaultInfrastructure(dir, kafkaPort, postgres);
            infra.startBroker();
            return infra;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fault suite's infrastructure", e);
        }
    }

    @Override
    public String kafkaBootstrapServers() {
        return endpoints.kafkaBootstrapServers();
    }

    @Override
    public Database database(String name) {
        return endpoints.database(name);
    }

    /** Starts the broker on the same port and log directory as before; returns once it serves clients. */
    public void startBroker() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.createDirectories(dir);
        Process process = new ProcessBuilder(java, "-Xmx384m", "-Djava.util.logging.manager=java.util.logging.LogManager",
                "-cp", classPath, BrokerMain.class.getName(), String.valueOf(kafkaPort), dir.resolve("kafka").toString(),
                String.valueOf(ProcessHandle.current().pid()))
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .start();
        broker = process;
        long deadline = System.nanoTime() + BROKER_START.toNanos();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the broker did not start; see " + dir.resolve("broker.log"));
    }

    public long brokerPid() {
        return broker.pid();
    }

    /** {@code kill -9} of the broker; returns once it is gone. */
    public void killBroker() throws InterruptedException {
        broker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    public void pauseBroker() throws IOException, InterruptedException {
        signal("STOP", broker.pid());
    }

    public void resumeBroker() throws IOException, InterruptedException {
        signal("CONT", broker.pid());
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, no shutdown checkpoint. */
    public void crashPostgres() throws IOException, InterruptedException {
        run(pgCtl(), "-D", postgresDir.toString(), "stop", "-m", "immediate", "-w");
    }

    /** Starts PostgreSQL again on its data directory with the options it last ran with (postmaster.opts). */
    public void startPostgres(Path pgCtl) throws IOException, InterruptedException {
        run(pgCtl.toString(), "-D", postgresDir.toString(), "restart", "-w", "-t", "60");
    }

    /** zonky's pg_ctl, next to the running postmaster's binary; find it while the server runs. */
    public Path pgCtlPath() throws IOException {
        String pid = Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(0).trim();
        return Path.of("/proc", pid, "exe").toRealPath().resolveSibling("pg_ctl");
    }

    private String pgCtl() throws IOException {
        return pgCtlPath().toString();
    }

    /**
     * Runs pg_ctl the way zonky runs its binaries: in a user namespace of its own ({@code unshare -U}) where it
     * can, since pg_ctl refuses to run as root, as the suite does in a container.
     */
    private void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("pg_ctl.log").toFile())).start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("pg_ctl.log"));
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    @Override
    public void close() {
        Process running = broker;
        if (running != null && running.isAlive()) {
            try {
                signal("CONT", running.pid()); // a paused broker would ignore SIGTERM
            } catch (IOException | InterruptedException | IllegalStateException e) {
                // gone already
            }
            running.destroy();
            try {
                if (!running.waitFor(20, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                running.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            System.getLogger(FaultInfrastructure.class.getName()).log(System.Logger.Level.WARNING,
                    "could not stop PostgreSQL: " + e.getMessage());
        }
    }
}
