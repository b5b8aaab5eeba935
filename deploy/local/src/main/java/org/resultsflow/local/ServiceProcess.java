package org.resultsflow.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service running as its own process, its output in a log file. It never outlives the JVM
 * that started it: a guard shell per process stops the service when this JVM is gone, also after a
 * {@code kill -9} that runs no shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {

    /*
     * $1 the launcher's pid, $2 the service's pid. Exits with the service; when the launcher dies first it asks
     * the service to stop (SIGTERM: a clean shutdown), then forces it after 20 s.
     */
    private static final String PARENT_GUARD = """
            while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null; do sleep 1; done
            kill -0 "$2" 2>/dev/null || exit 0
            kill -TERM "$2"
            i=0
            while kill -0 "$2" 2>/dev/null && [ $i -lt 20 ]; do sleep 1; i=$((i + 1)); done
            kill -KILL "$2" 2>/dev/null
            """;

    private final String name;
    private final int port;
    private final Path app;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private volatile Process process;

    private ServiceProcess(String name, Path app, int port, Map<String, String> environment, List<String> jvmOptions,
            Path log) {
        this.name = name;
        this.app = app;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.log = log;
    }

    /**
     * Starts {@code <service>/target/quarkus-app/quarkus-run.jar} with its configuration as environment and
     * {@code jvmOptions} (heap bounds, a profiler) before the jar.
     */
    static ServiceProcess start(String name, Path app, int port, Map<String, String> environment,
            List<String> jvmOptions, Path logDir) throws IOException {
        if (!Files.isRegularFile(app)) {
            throw new IllegalStateException(name + " is not built: " + app + " is missing (run ./mvnw package -DskipTests)");
        }
        Files.createDirectories(logDir);
        ServiceProcess service = new ServiceProcess(name, app, port, environment, jvmOptions,
                logDir.resolve(name + ".log"));
        service.launch(Map.of(), false);
        return service;
    }

    private void launch(Map<String, String> overrides, boolean appendLog) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", app.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log.toFile())
                        : ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(overrides);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        Process started = builder.start();
        process = started;
        guard(started.pid());
    }

    private static void guard(long child) {
        try {
            new ProcessBuilder("sh", "-c", PARENT_GUARD, "parent-guard", String.valueOf(ProcessHandle.current().pid()),
                    String.valueOf(child))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) { // no sh (Windows): the shutdown hook alone stops the service
            System.getLogger(ServiceProcess.class.getName()).log(System.Logger.Level.WARNING,
                    "No parent guard for the service: " + e.getMessage());
        }
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The pid of the running process (of the last start). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits for the process to end by itself (e.g. a fault hook that halts it); true when it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code kill -9}: no shutdown hook, no flush; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Starts the service again after it stopped, with the same configuration plus {@code overrides}
     * (environment variables); its output is appended to the same log.
     */
    public void restart(Map<String, String> overrides) throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch(overrides, true);
    }

    /** Waits until the service reports ready; fails early, with the end of its log, if it dies. */
    public void awaitReady(HttpClient http, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(2)).build();
        Process watched = process;
        while (Instant.now().isBefore(deadline)) {
            if (!watched.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + watched.exitValue() + "; its log ends with:\n"
                        + tail(20));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException(name + " was not ready after " + timeout.toSeconds() + " s; its log ends with:\n"
                + tail(20));
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM first, so the service shuts down cleanly; the hard way after 20 s. */
    @Override
    public void close() {
        Process running = process;
        if (!running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(20, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
