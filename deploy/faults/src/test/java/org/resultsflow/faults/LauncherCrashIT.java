package org.resultsflow.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsflow.infra.Ports;

/**
 * {@code deploy/local/run} killed with SIGKILL (no shutdown hook runs) leaves no service and no database behind,
 * and the next run on the same data folder and ports starts cleanly.
 */
class LauncherCrashIT {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration CLEAN_UP = Duration.ofSeconds(45);

    @TempDir
    Path data;

    @Test
    void aKilledLauncherTakesItsChildrenAlongAndTheNextRunStartsCleanly() throws Exception {
        List<String> ports = List.of("--ingest-port", String.valueOf(Ports.free()), "--catalog-port",
                String.valueOf(Ports.free()), "--reporting-port", String.valueOf(Ports.free()), "--kafka-port",
                String.valueOf(Ports.free()), "--postgres-port", String.valueOf(Ports.free()));

        Process first = launch(ports, data.resolve("first.out"));
        List<ProcessHandle> children = first.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        ProcessHandle postgres = postmaster();
        assertEquals(3, children.size(), "three service processes: " + children);

        first.destroyForcibly().waitFor(); // SIGKILL: the launcher's shutdown hook never runs
        List<ProcessHandle> left = awaitGone(children, postgres);
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList(),
                "nothing outlives the launcher");

        Process second = launch(ports, data.resolve("second.out"));
        List<ProcessHandle> secondChildren = second.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).toList();
        ProcessHandle secondPostgres = postmaster();
        second.destroy(); // SIGTERM: the clean stop
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second run stops on SIGTERM");
        assertEquals(List.of(), awaitGone(secondChildren, secondPostgres), "a clean stop leaves nothing either");
        assertTrue(Files.readString(data.resolve("second.out")).contains("Stopped"), "it says it stopped");
    }

    private Process launch(List<String> ports, Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(FaultStack.PROJECT.resolve("deploy/local/run").toString(),
                "--no-samples", "--data-dir", data.resolve("run").toString()));
        command.addAll(ports);
        Process process = new ProcessBuilder(command).directory(FaultStack.PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).start();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            String printed = Files.readString(out, StandardCharsets.UTF_8);
            assertFalse(printed.contains("Building ("), "the launcher must find the project built: " + printed);
            if (printed.contains("resultsflow is running")) {
                return process;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the launcher exited with " + process.exitValue() + ":\n" + printed);
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new AssertionError("the launcher did not come up within " + START.toMinutes() + " min:\n"
                + Files.readString(out, StandardCharsets.UTF_8));
    }

    private ProcessHandle postmaster() throws IOException {
        Path pidFile = data.resolve("run/infra/postgres/postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
    }

    private static List<ProcessHandle> awaitGone(List<ProcessHandle> children, ProcessHandle postgres)
            throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(children);
        all.add(postgres);
        Instant deadline = Instant.now().plus(CLEAN_UP);
        while (Instant.now().isBefore(deadline) && all.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(500);
        }
        return all.stream().filter(ProcessHandle::isAlive).toList();
    }
}
