package org.resultsflow.infra;

import java.nio.file.Path;

/**
 * The embedded KRaft broker as an OS process of its own, so the fault suite can {@code kill -9} it, pause it
 * and start it again on the same log directory: {@code BrokerMain <port> <log dir> <parent pid>}. Prints {@code READY} on
 * stdout once it serves clients. Exits when the process that started it ({@code <parent pid>}) is gone, so a
 * test JVM killed mid-run leaves no broker behind.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(Integer.parseInt(args[0]), Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "broker-stop"));
        ProcessHandle parent = ProcessHandle.of(Long.parseLong(args[2])).orElseThrow();
        Thread watchdog = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            System.exit(0); // the hook stops the broker
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
