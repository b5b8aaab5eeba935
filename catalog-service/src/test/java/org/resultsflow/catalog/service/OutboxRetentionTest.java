package org.resultsflow.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.repository.OutboxEvent;
import org.resultsflow.catalog.repository.OutboxRepository;
import org.resultsflow.infra.ResultsflowTestResource;

/** Published outbox rows older than the retention go, in batches; newer ones stay. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class OutboxRetentionTest {

    @Inject
    OutboxRetention retention;
    @Inject
    OutboxRepository outbox;

    @Test
    void rowsPublishedBeforeTheCutOffAreDeletedInBatchesAndNewerOnesStay() {
        Instant cutOff = Instant.now().minus(Duration.ofDays(7));
        // Published long ago: no row of the other tests is this old, so only these are pruned.
        Instant old = Instant.now().minus(Duration.ofDays(400));
        List<Long> oldIds = await(insert(old, 2500));
        Long recent = await(insert(cutOff.plus(Duration.ofDays(1)), 1)).get(0);

        assertEquals(2500L, await(() -> retention.prune(cutOff)), "more than one batch of 1000");
        assertNull(await(() -> outbox.findById(oldIds.get(0))));
        assertNull(await(() -> outbox.findById(oldIds.get(oldIds.size() - 1))));
        assertNotNull(await(() -> outbox.findById(recent)), "published after the cut-off: kept");

        // Left as found: the contract test counts the outbox against the topic.
        await(() -> Panache.withTransaction(() -> outbox.deleteById(recent)));
    }

    private Supplier<io.smallrye.mutiny.Uni<List<Long>>> insert(Instant publishedAt, int count) {
        return () -> Panache.withTransaction(() -> outbox.nextIds(count).chain(ids -> outbox.persist(ids.stream().map(id -> {
            OutboxEvent event = new OutboxEvent();
            event.id = id;
            event.eventId = UUID.randomUUID().toString();
            event.eventType = "catalog.outcome.v1";
            event.recordKey = "retention-test/" + id;
            event.payload = JsonNodeFactory.instance.objectNode().put("id", "retention-test");
            event.createdAt = publishedAt;
            event.publishedAt = publishedAt;
            return event;
        }).toList()).replaceWith(ids)));
    }

    private static <T> T await(Supplier<io.smallrye.mutiny.Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
