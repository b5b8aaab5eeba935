package org.resultsflow.reporting.rebuild;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.reporting.change.CatalogChange;
import org.resultsflow.reporting.messaging.ChangeDecoder;
import org.resultsflow.reporting.store.ReadModelGeneration;
import org.resultsflow.reporting.store.ReadModelTables;
import org.resultsflow.reporting.store.ReadModelTables.Table;
import org.resultsflow.reporting.store.ReadModelWriter;

/**
 * Rebuilds every read model from catalog.changes while the live consumer keeps running.
 *
 * <ol>
 * <li>Fresh tables: a schema of its own ({@value #SCHEMA}) with an empty copy of each read-model table.</li>
 * <li>Replay: a plain consumer, {@code assign()}ed to every partition and sought to the beginning, reads up to
 * the end offsets taken at the start, applying each poll as one batch to the fresh tables through the same
 * writer the live consumer uses (same decoding, same version rule).</li>
 * <li>Swap, in one transaction: take the swap lock exclusively (each live batch holds it shared, so from here
 * no live batch writes), read the end offsets again and replay the records that arrived meanwhile, then
 * replace the contents of every live table with those of its fresh twin. Every change a live batch
 * committed before the lock is in the topic below those end offsets, so the rebuilt tables include it;
 * a live batch waiting for the lock goes on after the swap, on the rebuilt tables, where its version check
 * ignores what the replay already applied. Readers see the old models or the new, never a mix.</li>
 * </ol>
 * The live consumer is never paused and loses nothing. One rebuild at a time across replicas: the rebuild holds
 * a session advisory lock for its whole run.
 */
@ApplicationScoped
public class Rebuild {

    static final String SCHEMA = "reporting_rebuild";
    private static final long REBUILD_LOCK = 0x7265706f727452L; // "reportR"
    private static final Logger LOG = Logger.getLogger(Rebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Pool pool;
    private final ReadModelWriter writer;
    private final ChangeDecoder decoder;
    private final String bootstrapServers;
    private final String topic;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.idle());
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "reporting-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    public Rebuild(Pool pool, ReadModelWriter writer, ChangeDecoder decoder,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.catalog-changes.topic") String topic) {
        this.pool = pool;
        this.writer = writer;
        this.decoder = decoder;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /** Starts a rebuild in the background; empty when one is running already in this replica. */
    public java.util.Optional<RebuildStatus> start() {
        Progress progress = new Progress(UUID.randomUUID().toString(), Instant.now());
        RebuildStatus current = status.get();
        if (current.running() || !status.compareAndSet(current, progress.snapshot("RUNNING", "PREPARING", null))) {
            return java.util.Optional.empty();
        }
        runner.execute(() -> run(progress));
        return java.util.Optional.of(status.get());
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    private void run(Progress progress) {
        SqlConnection connection = null;
        boolean locked = false;
        try {
            connection = pool.getConnection().await().atMost(Duration.ofSeconds(30));
            locked = connection.preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(REBUILD_LOCK))
                    .await().indefinitely().iterator().next().getBoolean(0);
            if (!locked) {
                throw new IllegalStateException("another replica is rebuilding the read models");
            }
            createFreshTables(connection);
            try (KafkaConsumer<String, String> consumer = consumer(progress.id)) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
                progress.toReplay = partitions.stream().mapToLong(p -> ends.get(p) - beginnings.get(p)).sum();
                publish(progress, "REPLAYING");
                replay(consumer, ends, connection, progress);

                publish(progress, "SWAPPING");
                Transaction swap = connection.begin().await().indefinitely();
                try {
                    connection.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(ReadModelWriter.SWAP_LOCK))
                            .await().indefinitely();
                    Map<TopicPartition, Long> finalEnds = consumer.endOffsets(partitions);
                    progress.toReplay += partitions.stream().mapToLong(p -> finalEnds.get(p) - ends.get(p)).sum();
                    replayWithin(consumer, finalEnds, connection, progress);
                    swapIn(connection, progress);
                    swap.commit().await().indefinitely();
                } catch (RuntimeException e) {
                    swap.rollback().await().indefinitely();
                    throw e;
                }
            }
            dropFreshTables(connection);
            Instant finished = Instant.now();
            status.set(progress.finished("SUCCEEDED", finished, null));
            LOG.infof("Rebuilt the read models from %d records of %s in %d ms: %s, %d rejected; rows %s",
                    progress.replayed, topic, Duration.between(progress.startedAt, finished).toMillis(),
                    progress.byType, progress.rejected, progress.rows);
        } catch (Exception e) {
            LOG.errorf(e, "The rebuild of the read models failed; the live read models are unchanged");
            if (connection != null) {
                try {
                    dropFreshTables(connection);
                } catch (RuntimeException cleanup) {
                    LOG.warnf("Could not drop the schema %s: %s", SCHEMA, cleanup.getMessage());
                }
            }
            status.set(progress.finished("FAILED", Instant.now(), e.getMessage()));
        } finally {
            if (connection != null) {
                if (locked) {
                    connection.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(REBUILD_LOCK))
                            .await().indefinitely();
                }
                connection.close().await().indefinitely();
            }
        }
    }

    private static void createFreshTables(SqlConnection connection) {
        StringBuilder ddl = new StringBuilder("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE; CREATE SCHEMA " + SCHEMA + ";");
        for (Table table : ReadModelTables.ALL) {
            ddl.append(" CREATE TABLE ").append(table.in(SCHEMA)).append(" (LIKE ").append(table.name())
                    .append(" INCLUDING ALL);");
        }
        connection.query(ddl.toString()).execute().await().indefinitely();
    }

    private static void dropFreshTables(SqlConnection connection) {
        connection.query("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").execute().await().indefinitely();
    }

    /** Replays up to the given end offsets, a transaction per poll. */
    private void replay(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends, SqlConnection connection,
            Progress progress) {
        while (!reached(consumer, ends)) {
            List<CatalogChange> batch = poll(consumer, progress);
            if (!batch.isEmpty()) {
                Transaction tx = connection.begin().await().indefinitely();
                try {
                    writer.apply(connection, SCHEMA, batch, false).await().indefinitely();
                    tx.commit().await().indefinitely();
                } catch (RuntimeException e) {
                    tx.rollback().await().indefinitely();
                    throw e;
                }
            }
            publish(progress, "REPLAYING");
        }
    }

    /** Replays up to the given end offsets inside the caller's transaction. */
    private void replayWithin(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends,
            SqlConnection connection, Progress progress) {
        while (!reached(consumer, ends)) {
            List<CatalogChange> batch = poll(consumer, progress);
            if (!batch.isEmpty()) {
                writer.apply(connection, SCHEMA, batch, false).await().indefinitely();
            }
        }
    }

    private List<CatalogChange> poll(KafkaConsumer<String, String> consumer, Progress progress) {
        List<CatalogChange> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
            progress.replayed++;
            String type = CloudEventRecords.type(record);
            progress.byType.merge(type == null ? "(no type)" : type, 1L, Long::sum);
            try {
                CatalogChange change = decoder.decode(record);
                if (change != null) {
                    batch.add(change);
                }
            } catch (InvalidEventException e) {
                progress.rejected++;
            }
        }
        return batch;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static void swapIn(SqlConnection connection, Progress progress) {
        StringBuilder swap = new StringBuilder();
        List<Table> children = new ArrayList<>(ReadModelTables.ALL);
        java.util.Collections.reverse(children);
        children.forEach(table -> swap.append("DELETE FROM ").append(table.name()).append("; "));
        ReadModelTables.ALL.forEach(table -> swap.append("INSERT INTO ").append(table.name()).append(" SELECT * FROM ")
                .append(table.in(SCHEMA)).append("; "));
        // Every instance's cached answers describe the tables replaced here.
        swap.append(ReadModelGeneration.BUMP).append(';');
        connection.query(swap.toString()).execute().await().indefinitely();
        for (Table table : ReadModelTables.ALL) {
            long rows = connection.query("SELECT count(*) FROM " + table.name()).execute().await().indefinitely()
                    .iterator().next().getLong(0);
            progress.rows.put(table.name(), rows);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            return List.of();
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private KafkaConsumer<String, String> consumer(String runId) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // No offsets are committed: assign() and seekToBeginning() decide where to read. The group id only
        // names the consumer for the broker's ACLs (prefix reporting-service-rebuild).
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reporting-service-rebuild-" + runId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild-" + runId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private void publish(Progress progress, String phase) {
        status.set(progress.snapshot("RUNNING", phase, null));
    }

    /** Mutable counts of the rebuild thread; published as immutable snapshots. */
    private static final class Progress {
        final String id;
        final Instant startedAt;
        long toReplay;
        long replayed;
        long rejected;
        final Map<String, Long> byType = new TreeMap<>();
        final Map<String, Long> rows = new LinkedHashMap<>();

        Progress(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        RebuildStatus snapshot(String state, String phase, String error) {
            return new RebuildStatus(id, state, phase, startedAt, null,
                    Duration.between(startedAt, Instant.now()).toMillis(), toReplay, replayed, new TreeMap<>(byType),
                    rejected, new LinkedHashMap<>(rows), error);
        }

        RebuildStatus finished(String state, Instant finishedAt, String error) {
            return new RebuildStatus(id, state, "DONE", startedAt, finishedAt,
                    Duration.between(startedAt, finishedAt).toMillis(), toReplay, replayed, new TreeMap<>(byType),
                    rejected, new LinkedHashMap<>(rows), error);
        }
    }
}
