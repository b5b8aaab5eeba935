package org.resultsflow.contracts.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.contracts.wire.DeadLetterHeaders;

/**
 * Sets aside a record that can never be applied: kept in the service's dead-letter table first, then sent to its
 * dead-letter topic as received with the reason in the headers, then counted — all before the batch completes and
 * its offsets move, so nothing set aside is lost. Each service gives its own table and topic.
 */
public final class DeadLetterSink {

    /** The service's dead-letter topic. */
    @FunctionalInterface
    public interface Topic {
        CompletionStage<Void> send(String key, Headers headers, String value);
    }

    private final DeadLetterStore store;
    private final Topic topic;
    private final Counter counted;

    /** @param consumer the consumer group whose records these are: the {@code consumer} tag of the count */
    public DeadLetterSink(DeadLetterStore store, Topic topic, MeterRegistry registry, String consumer) {
        this.store = store;
        this.topic = topic;
        // Registered at 0: "any dead letter" alerts on an increase, which needs the series before the first one.
        this.counted = DomainMeters.counter(registry, DomainMetric.DEAD_LETTERS, "consumer", consumer);
    }

    public CompletionStage<Void> send(ConsumerRecord<String, String> record, String reason) {
        return store.keep(record, reason, Instant.now())
                .thenCompose(kept -> topic.send(record.key(), DeadLetterHeaders.of(record, reason), record.value()))
                .thenRun(counted::increment);
    }
}
