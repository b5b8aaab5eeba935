package org.resultsflow.contracts.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link DomainMetric#CONSUMER_LAG} of consumer groups, measured from outside the consumers: the end offset
 * of every partition of the group's topics minus the group's committed offset (minus the earliest offset
 * where the group has committed none yet, as it starts from the beginning). The Kafka client's own lag
 * gauges read NaN whenever the consumer has not fetched lately; this reads real numbers on every refresh,
 * also for a consumer that is stuck or gone.
 */
public final class ConsumerLag implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final MeterRegistry registry;
    private final Map<String, List<String>> topicsByGroup;
    private final Map<List<String>, AtomicLong> lags = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;

    /**
     * @param kafkaConfig the service's Kafka client configuration (what is not an admin setting is left out)
     * @param topicsByGroup each consumer group and the topics it reads
     */
    public ConsumerLag(Map<String, Object> kafkaConfig, MeterRegistry registry, Map<String, List<String>> topicsByGroup,
            Duration every) {
        Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        this.admin = Admin.create(adminConfig);
        this.registry = registry;
        this.topicsByGroup = Map.copyOf(topicsByGroup);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "Consumer lag not measured this time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Measures every group once; gauges keep their last value until the next measurement. */
    public void refresh() throws ExecutionException, InterruptedException, TimeoutException {
        for (Map.Entry<String, List<String>> group : topicsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = admin.describeTopics(group.getValue()).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .toList();
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                long from = done != null ? done.offset() : starts.get(partition).offset();
                gauge(group.getKey(), partition).set(Math.max(0, ends.get(partition).offset() - from));
            }
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private AtomicLong gauge(String group, TopicPartition partition) {
        return lags.computeIfAbsent(List.of(group, partition.topic(), Integer.toString(partition.partition())), key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(DomainMetric.CONSUMER_LAG.metricName(), value, AtomicLong::doubleValue)
                    .description(DomainMetric.CONSUMER_LAG.description())
                    .tags("group", key.get(0), "topic", key.get(1), "partition", key.get(2))
                    .register(registry);
            return value;
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
