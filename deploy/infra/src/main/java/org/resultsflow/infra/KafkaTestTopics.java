package org.resultsflow.infra;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;

/**
 * Topics a test owns: unique names, so tests sharing one broker never see each other's records, and deleted
 * again on {@link #close()}.
 */
public final class KafkaTestTopics implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public KafkaTestTopics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** {@code prefix} plus a random suffix, e.g. {@code documents-3f2a9c1b}. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a topic named {@link #uniqueName(String) uniqueName(prefix)} and returns its name. */
    public String create(String prefix, int partitions) {
        String name = uniqueName(prefix);
        await(admin.createTopics(Set.of(new NewTopic(name, partitions, (short) 1))).all());
        created.add(name);
        return name;
    }

    /** Deletes the topics {@link #create(String, int)} made. */
    @Override
    public void close() {
        try {
            if (!created.isEmpty()) {
                await(admin.deleteTopics(created).all());
            }
        } finally {
            admin.close();
        }
    }

    private static void await(KafkaFuture<Void> future) {
        try {
            future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka admin call failed", e);
        }
    }
}
