package org.resultsflow.examples.subscriber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows catalog.changes from the beginning and keeps its own table of indicators in a JSON file: indicator id
 * to the indicator's current state and version.
 *
 * <p>At least once, exactly-once in effect: after each poll the table is written (to a temporary file, then moved
 * over the old one) before the offsets are committed, so a crash replays at most the last poll; a replayed or
 * older event changes nothing because only a higher version replaces a row. Restarted, it goes on from the
 * committed offsets of its consumer group.
 *
 * <pre>
 * java -cp ... org.resultsflow.examples.subscriber.IndicatorSubscriber localhost:9092 indicators.json [client.properties]
 * </pre>
 * {@code client.properties} holds what a secured cluster needs (security.protocol, sasl.*, ssl.*).
 */
public final class IndicatorSubscriber implements AutoCloseable {

    public static final String TOPIC = "catalog.changes";
    public static final String GROUP = "sample-subscriber";
    static final String INDICATOR_TYPE = "catalog.indicator.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Path table;
    private final Map<String, JsonNode> indicators;
    private long applied;

    public IndicatorSubscriber(Properties client, Path table) {
        Properties config = new Properties();
        config.putAll(client);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the first change ever published: the topic is compacted, so that is every
        // record's latest state at least.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        this.table = table;
        this.indicators = load(table);
    }

    /** Polls until {@code done} holds for the table (or forever, until {@link #stop()} from another thread). */
    public void run(Predicate<Map<String, JsonNode>> done) {
        consumer.subscribe(List.of(TOPIC));
        try {
            while (!done.test(indicators)) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                records.forEach(this::apply);
                save();
                consumer.commitSync();
            }
        } catch (WakeupException stopping) {
            // stop() was called: the last poll's work is saved and committed, or will be replayed.
        }
    }

    public void stop() {
        consumer.wakeup();
    }

    /** How many events changed the table since this instance started. */
    public long applied() {
        return applied;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (!INDICATOR_TYPE.equals(header(record, "ce_type")) || record.value() == null) {
            return; // outcomes, budgets, funding: this subscriber keeps indicators only
        }
        JsonNode data;
        try {
            data = JSON.readTree(record.value());
        } catch (IOException e) {
            System.err.println("skipping " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e);
            return;
        }
        String id = data.path("indicatorId").asText();
        long version = data.path("version").asLong();
        JsonNode known = indicators.get(id);
        if (known != null && known.path("version").asLong() >= version) {
            return; // a replay or an older event
        }
        ObjectNode row = JSON.createObjectNode();
        row.put("version", version);
        // An indicator merged into another one (its codeless alias) has no state of its own any more.
        row.set("indicator", data.path("indicator"));
        if (data.hasNonNull("mergedInto")) {
            row.put("mergedInto", data.get("mergedInto").asText());
        }
        indicators.put(id, row);
        applied++;
    }

    private void save() {
        try {
            Path temporary = table.resolveSibling(table.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), indicators);
            Files.move(temporary, table, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + table, e);
        }
    }

    private static Map<String, JsonNode> load(Path table) {
        Map<String, JsonNode> rows = new TreeMap<>();
        if (Files.isRegularFile(table)) {
            try {
                JSON.readTree(table.toFile()).fields().forEachRemaining(e -> rows.put(e.getKey(), e.getValue()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + table, e);
            }
        }
        return rows;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: IndicatorSubscriber <bootstrap servers> <table.json> [client.properties]");
            System.exit(2);
        }
        Properties client = new Properties();
        if (args.length > 2) {
            try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                client.load(in);
            }
        }
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        IndicatorSubscriber subscriber = new IndicatorSubscriber(client, Path.of(args[1]));
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            subscriber.stop();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try (subscriber) {
            subscriber.run(table -> false);
        }
    }
}
