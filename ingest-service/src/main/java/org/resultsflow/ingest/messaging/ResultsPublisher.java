package org.resultsflow.ingest.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.ingest.mapping.ReportedEvent;

/**
 * Publishes a document's events and completes only when Kafka has acknowledged every one of them
 * ({@code acks=all}): that is what lets the REST answer promise durability.
 */
@ApplicationScoped
public class ResultsPublisher {

    static final URI SOURCE = URI.create("/resultsflow/ingest-service");

    private final MutinyEmitter<Object> outcomes;
    private final MutinyEmitter<Object> indicators;
    private final MutinyEmitter<Object> budgets;
    private final Map<ReportedEvent.Stream, Counter> published = new EnumMap<>(ReportedEvent.Stream.class);

    public ResultsPublisher(
            @Channel("outcomes") MutinyEmitter<Object> outcomes,
            @Channel("indicators") MutinyEmitter<Object> indicators,
            @Channel("budgets") MutinyEmitter<Object> budgets,
            @ConfigProperty(name = "mp.messaging.outgoing.outcomes.topic") String outcomesTopic,
            @ConfigProperty(name = "mp.messaging.outgoing.indicators.topic") String indicatorsTopic,
            @ConfigProperty(name = "mp.messaging.outgoing.budgets.topic") String budgetsTopic,
            MeterRegistry registry) {
        this.outcomes = outcomes;
        this.indicators = indicators;
        this.budgets = budgets;
        // Registered up front, at 0, so that a rate over them exists before the first document.
        published.put(ReportedEvent.Stream.OUTCOMES, publishedTo(registry, outcomesTopic));
        published.put(ReportedEvent.Stream.INDICATORS, publishedTo(registry, indicatorsTopic));
        published.put(ReportedEvent.Stream.BUDGETS, publishedTo(registry, budgetsTopic));
    }

    private static Counter publishedTo(MeterRegistry registry, String topic) {
        return DomainMeters.counter(registry, DomainMetric.EVENTS_PUBLISHED, "topic", topic);
    }

    public Uni<Void> publish(List<ReportedEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> acks = events.stream().map(this::send).toList();
        return Uni.join().all(acks).andFailFast().replaceWithVoid();
    }

    private Uni<Void> send(ReportedEvent event) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id())
                .withType(event.type())
                .withSource(SOURCE)
                .withSubject(event.key())
                .withTimestamp(ZonedDateTime.now())
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.key())
                .build();
        Message<Object> message = Message.of(event.data()).addMetadata(cloudEvent).addMetadata(record);
        return emitter(event.stream()).sendMessage(message).invoke(() -> published.get(event.stream()).increment());
    }

    private MutinyEmitter<Object> emitter(ReportedEvent.Stream stream) {
        return switch (stream) {
            case OUTCOMES -> outcomes;
            case INDICATORS -> indicators;
            case BUDGETS -> budgets;
        };
    }
}
