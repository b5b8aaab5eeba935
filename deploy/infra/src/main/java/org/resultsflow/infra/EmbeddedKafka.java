package org.resultsflow.infra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
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
        int brokerPort = port == 0 ? Ports.free() : port;
        int controllerPort = Ports.free();
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
        try {
            server.startup(); // returns once the broker is unfenced, i.e. serving clients
        } catch (RuntimeException e) {
            server.shutdown();
            throw e;
        }
        return new EmbeddedKafka(server, brokerPort);
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
