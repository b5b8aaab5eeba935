package org.resultsflow.infra;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A test's view of the broker: send records as the services do (CloudEvents binary headers, JSON data,
 * entity key) and read a topic from its beginning, without joining any consumer group.
 */
public final class EventStreams implements AutoCloseable {

    static final URI TEST_SOURCE = URI.create("/resultsflow/tests");

    private static EventStreams shared;

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    /** One instance on the JVM's {@link SharedInfrastructure} broker for every test class, closed at exit. */
    public static synchronized EventStreams shared() {
        if (shared == null) {
            EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(streams::close, "event-streams-close"));
            shared = streams;
        }
        return shared;
    }

    public EventStreams(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** Sends one event and waits until the broker has it. */
    public void send(String topic, String key, String eventId, String eventType, String data) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_type", eventType);
        header(record, "ce_source", TEST_SOURCE.toString());
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Reads a topic from the beginning until what was read satisfies {@code done}, or fails after
     * {@code timeout} saying how many records it saw.
     */
    public List<ConsumerRecord<String, String>> readUntil(
            String topic, Predicate<List<ConsumerRecord<String, String>>> done, Duration timeout) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                partitions = infos == null ? List.of()
                        : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                if (done.test(read)) {
                    return read;
                }
            }
        }
        throw new AssertionError("gave up on " + topic + " after " + timeout + " with " + read.size() + " records read");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
