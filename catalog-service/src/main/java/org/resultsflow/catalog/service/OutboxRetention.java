package org.resultsflow.catalog.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.resultsflow.catalog.repository.OutboxRepository;

/**
 * Deletes published outbox rows once they are older than the retention, so that the table does not grow
 * forever. History older than that lives on the compacted catalog.changes topic only.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final OutboxRepository outbox;
    private final Duration retention;
    private final int batchSize;

    public OutboxRetention(OutboxRepository outbox,
            @ConfigProperty(name = "resultsflow.outbox.retention", defaultValue = "7d") Duration retention,
            @ConfigProperty(name = "resultsflow.outbox.prune-batch-size", defaultValue = "1000") int batchSize) {
        this.outbox = outbox;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${resultsflow.outbox.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduled() {
        return prune(Instant.now().minus(retention))
                .invoke(deleted -> LOG.debugf("Pruned %d published outbox rows", deleted))
                .onFailure().invoke(e -> LOG.warnf("Outbox pruning failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Deletes the rows published before this instant, a batch per transaction so that no transaction holds
     * many locks or runs long; returns how many were deleted.
     */
    public Uni<Long> prune(Instant publishedBefore) {
        return Panache.withTransaction(() -> outbox.deletePublishedBefore(publishedBefore, batchSize))
                .chain(deleted -> deleted < batchSize ? Uni.createFrom().item((long) deleted)
                        : prune(publishedBefore).map(more -> deleted + more));
    }
}
