package org.resultsflow.catalog.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.resultsflow.catalog.repository.DeadLetterRepository;
import org.resultsflow.contracts.deadletters.DeadLetterSink;

/**
 * Sets aside records that can never be applied, as received plus the error, so the consumer goes on and nothing
 * is lost: on catalog.dlq, and in table dead_letter, from where the admin API lists and replays them.
 */
// At startup, not at the first dead letter: its count must be exported (at 0) before there is one.
@Startup
@ApplicationScoped
public class DeadLetters {

    private final DeadLetterSink sink;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> topic,
            @ConfigProperty(name = "mp.messaging.incoming.results.group.id") String consumer, MeterRegistry registry,
            DeadLetterRepository store) {
        this.sink = new DeadLetterSink(store, (key, headers, value) -> topic.sendMessage(Message.of(value).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(key).withHeaders(headers).build()))
                .subscribeAsCompletionStage(), registry, consumer);
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        return Uni.createFrom().completionStage(() -> sink.send(record, reason));
    }
}
