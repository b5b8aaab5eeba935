package org.resultsflow.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * One real Kafka node in KRaft mode, broker and controller combined, started in this JVM the way
 * {@code kafka-storage.sh format} + {@code kafka-server-start.sh} would: format the log dir, then run
 * {@link KafkaRaftServer}.
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final int START_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger(EmbeddedKafka.class.getName());
    private static final String CONTROLLER = "CONTROLLER";

    /*
     * The broker logs hundreds of INFO lines per start, which would drown the services' test logs; warnings
     * and errors still show. Held strongly because java.util.logging keeps loggers (and their levels) only
     * weakly. Skipped where a level is already configured.
     */
    private static final List<Logger> QUIETED = List.of("kafka", "org.apache.kafka", "state.change.logger")
            .stream().map(Logger::getLogger).toList();

    static {
        QUIETED.stream().filter(l -> l.getLevel() == null).forEach(l -> l.setLevel(Level.WARNING));
    }

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static String version() {
        return AppInfoParser.getVersion();
    }

    /**
     * @param port   client port, advertised as {@code localhost:port}; 0 for a free one
     * @param logDir log (and metadata) directory; a formatted one from an earlier run is reused
     */
    static EmbeddedKafka start(int port, Path logDir) throws Exception {
        return start(port, logDir, Ports::free);
    }

    static EmbeddedKafka start(int port, Path logDir, IntSupplier freePorts) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? freePorts.getAsInt() : port;
            int controllerPort = freePorts.getAsInt();
            try {
                return start(brokerPort, controllerPort, logDir);
            } catch (RuntimeException e) {
                // A port probed free can be taken before the broker binds it (an outgoing connection may get it as
                // its local port). Other ports then, but never instead of one the caller chose.
                boolean lostAPort = !Ports.isFree(controllerPort) || (port == 0 && !Ports.isFree(brokerPort));
                if (attempt == START_ATTEMPTS || !lostAPort) {
                    throw e;
                }
                LOG.log(Level.WARNING, "Embedded Kafka could not start: another process took one of its ports ({0}); trying other ports",
                        e.getMessage());
            }
        }
    }

    private static EmbeddedKafka start(int brokerPort, int controllerPort, Path logDir) throws Exception {
        KafkaConfig config = new KafkaConfig(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER + "://localhost:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT"),
                Map.entry("controller.listener.names", CONTROLLER),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toString()),
                // One broker: internal topics must not ask for more replicas than exist, or groups and
                // transactions hang waiting for their coordinator.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // Fewer internal partitions: the first consumer group is ready sooner.
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")), false);

        if (!Files.exists(logDir.resolve("meta.properties"))) { // else formatted by an earlier run: keep its cluster id
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run();
        }

        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        Thread starter = Thread.currentThread();
        // A broker that fails to start asks the JVM to exit: a test fork or the launcher would die without a word.
        // On this thread the request becomes the exception of start(); elsewhere it is logged, then honoured.
        Exit.setExitProcedure((status, message) -> refuseExit(starter, "exit", status, message, () -> System.exit(status)));
        Exit.setHaltProcedure((status, message) -> refuseExit(starter, "halt", status, message, () -> Runtime.getRuntime().halt(status)));
        try {
            server.startup(); // returns once the broker is unfenced, i.e. serving clients
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        } finally {
            Exit.resetExitProcedure();
            Exit.resetHaltProcedure();
        }
        return new EmbeddedKafka(server, brokerPort);
    }

    private static void refuseExit(Thread starter, String what, int status, String message, Runnable honour) {
        String reason = "Embedded Kafka failed to start and asked the JVM to " + what + " (status " + status + ")"
                + (message == null ? "; its log above says why" : ": " + message);
        if (Thread.currentThread() == starter) {
            throw new IllegalStateException(reason);
        }
        LOG.log(Level.SEVERE, reason);
        honour.run();
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
