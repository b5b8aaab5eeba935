package org.resultsflow.catalog.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.catalog.repository.OutboxRepository.Pending;
import org.resultsflow.contracts.ops.DomainMeters;
import org.resultsflow.contracts.ops.DomainMetric;
import org.resultsflow.contracts.ops.TraceContext;

/**
 * Publishes the outbox to catalog.changes in commit order, at least once: rows are marked only after
 * Kafka acknowledged them, in the transaction that holds their locks, so a second catalog instance
 * waits instead of publishing the same changes out of order.
 *
 * <p>A round starts as soon as a transaction that wrote outbox rows committed ({@link #wake()}), so no fixed
 * interval lies on the path of a change; the periodic poll is only the safety net (rows of another instance,
 * a round that failed). Rounds of this instance never overlap: a wake during a round runs one more after it.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final URI SOURCE = URI.create("/resultsflow/catalog-service");
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final MutinyEmitter<String> changes;
    private final int batchSize;
    private final Counter published;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();

    public OutboxRelay(OutboxRepository outbox, @Channel("changes") MutinyEmitter<String> changes,
            @ConfigProperty(name = "resultsflow.catalog.outbox.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "mp.messaging.outgoing.changes.topic") String topic, MeterRegistry registry,
            Vertx vertx) {
        this.outbox = outbox;
        this.changes = changes;
        this.batchSize = batchSize;
        this.published = DomainMeters.counter(registry, DomainMetric.EVENTS_PUBLISHED, "topic", topic);
        this.vertx = vertx;
    }

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** The safety net: a round now and then, whether or not a commit asked for one. */
    // Not before the application (and so its Kafka channels) is up.
    @Scheduled(every = "${resultsflow.catalog.outbox.interval:1s}", delayed = "1s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        wake();
    }

    /**
     * Asks for a round: called once a transaction that wrote outbox rows committed. Returns at once; the round
     * runs on a context of its own (its own reactive session), or right after the one running now.
     */
    public void wake() {
        requested.set(true);
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        requested.set(false);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> relay().subscribe().with(done -> roundEnded(), failure -> roundEnded()));
    }

    private void roundEnded() {
        running.set(false);
        if (requested.get() && !stopping) {
            wake();
        }
    }

    /**
     * Publishes what is pending, a batch at a time until none is left. A failure (broker or database
     * away) leaves the rows unpublished for the next round.
     */
    Uni<Void> relay() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        // Deferred, so that a failure to even start a round (the emitter is not connected for the first
        // moments after start) is handled like any other failed round.
        return Uni.createFrom().deferred(this::publishPending)
                .chain(published -> published == batchSize && !stopping ? relay() : Uni.createFrom().voidItem())
                .onFailure(e -> !stopping).invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** Publishes one batch of pending changes; returns how many were published. */
    @WithTransaction
    public Uni<Integer> publishPending() {
        Context context = Vertx.currentContext();
        return outbox.lockOldestUnpublished(batchSize).chain(events -> {
            if (events.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sends = events.stream().map(this::send).toList();
            return Uni.join().all(sends).andFailFast()
                    // Acknowledgements arrive on Kafka's thread; the session belongs to this context.
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .chain(acked -> outbox.nextPublicationSeqs(events.size()))
                    .chain(positions -> outbox.markPublished(events.stream().map(Pending::id).toList(), positions,
                            Instant.now()))
                    .map(marked -> {
                        published.increment(events.size());
                        return events.size();
                    });
        });
    }

    private Uni<Void> send(Pending event) {
        OutgoingCloudEventMetadata<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.eventId())
                .withType(event.eventType())
                .withSource(SOURCE)
                .withSubject(event.recordKey())
                .withTimestamp(event.createdAt().atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        RecordHeaders headers = new RecordHeaders();
        if (event.ingestedAt() != null) {
            headers.add(DomainMeters.INGESTED_AT_HEADER, event.ingestedAt().toString().getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.recordKey())
                .withHeaders(headers)
                .build();
        // The publish span is a child of the batch that wrote the change, not of this relay round.
        TracingMetadata trace = TracingMetadata.withCurrent(TraceContext.fromTraceparent(event.traceparent()));
        return changes.sendMessage(Message.of(event.payload()).addMetadata(cloudEvent).addMetadata(record).addMetadata(trace));
    }
}
