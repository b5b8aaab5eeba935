package org.resultsflow.reporting.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.contracts.wire.DeadLetterHeaders;
import org.resultsflow.reporting.store.DeadLetterQueries;

/**
 * Sets aside changes that can never be applied so the read models keep moving: on reporting.dlq, and in table
 * dead_letter, from where the admin API lists and replays them.
 */
// At startup, not at the first dead letter: its count must be exported (at 0) before there is one.
@Startup
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> deadLetters;
    private final Counter counted;
    private final DeadLetterQueries store;

    /** @param consumer the consumer group whose records these are: the {@code consumer} tag of the count */
    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> deadLetters,
            @ConfigProperty(name = "mp.messaging.incoming.catalog-changes.group.id") String consumer, MeterRegistry registry,
            DeadLetterQueries store) {
        this.deadLetters = deadLetters;
        this.store = store;
        // Registered at 0: "any dead letter" alerts on an increase, which needs the series before the first one.
        this.counted = DomainMeters.counter(registry, DomainMetric.DEAD_LETTERS, "consumer", consumer);
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        // Kept in the table first, then on the topic; both before the batch completes and its offsets move.
        return Uni.createFrom().completionStage(() -> store.keep(record, reason, Instant.now()))
                .chain(() -> deadLetters.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(record.key())
                        .withHeaders(DeadLetterHeaders.of(record, reason))
                        .build())))
                .invoke(() -> counted.increment());
    }
}
