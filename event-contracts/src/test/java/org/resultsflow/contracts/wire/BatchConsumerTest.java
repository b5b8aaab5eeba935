package org.resultsflow.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The batch procedure against a sink that fails as told: nothing lost, nothing applied out of order. */
class BatchConsumerTest {

    private static final String TYPE = "test.thing.v1";

    /** Applies events by id; fails a batch while {@code unavailable} counts down, and refuses ids starting with "bad". */
    static final class Sink implements BatchConsumer.Sink<JsonNode> {
        final List<String> applied = new ArrayList<>();
        final List<String> setAside = new ArrayList<>();
        final AtomicInteger unavailable = new AtomicInteger();

        @Override
        public CompletionStage<?> apply(List<ReceivedEvent<JsonNode>> events) {
            if (unavailable.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new java.net.ConnectException("database away"));
            }
            if (events.stream().anyMatch(e -> e.id().startsWith("bad"))) {
                return CompletableFuture.failedFuture(new InvalidEventException("refused"));
            }
            events.forEach(e -> applied.add(e.id()));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
            setAside.add(CloudEventRecords.header(record, CloudEventRecords.ID) + ": " + reason);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static BatchConsumer<JsonNode> consumer(Sink sink) {
        return new BatchConsumer<>("test", EventDecoderTest.outcomesOnly(JsonNode.class, TYPE), new Redelivery(t -> null), sink);
    }

    private static List<ConsumerRecord<String, String>> records(String... ids) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String id : ids) {
            records.add(EventDecoderTest.record(id, id.equals("poison") ? "other.v1" : TYPE, "{}"));
        }
        return records;
    }

    @Test
    void badRecordsAreSetAsideAndTheRestAppliedInOrder() throws Exception {
        Sink sink = new Sink();
        consumer(sink).consume(records("a", "bad1", "poison", "b"), Runnable::run).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(List.of("a", "b"), sink.applied);
        assertEquals(2, sink.setAside.size(), sink.setAside.toString());
        assertTrue(sink.setAside.get(0).startsWith("bad1: not applicable"), sink.setAside.toString());
        assertTrue(sink.setAside.get(1).startsWith("poison: unexpected event type"), sink.setAside.toString());
    }

    @Test
    void aBatchTheDatabaseCannotTakeIsRetriedInTheProcessUntilItCan() throws Exception {
        Sink sink = new Sink();
        sink.unavailable.set(3);
        BatchConsumer<JsonNode> consumer = consumer(sink);
        CompletableFuture<Void> done = consumer.consume(records("a", "b"), Runnable::run).toCompletableFuture();
        assertTrue(consumer.notReady().orElseThrow().contains("database away"));
        done.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("a", "b"), sink.applied);
        assertTrue(sink.setAside.isEmpty());
        assertTrue(consumer.notReady().isEmpty());
    }

    @Test
    void aBatchGivenItsOwnApplyIsAppliedByIt() throws Exception {
        Sink sink = new Sink();
        List<List<String>> calls = new ArrayList<>();
        consumer(sink).consume(records("a", "bad1", "b"), Runnable::run, events -> {
            calls.add(events.stream().map(ReceivedEvent::id).toList());
            return sink.apply(events);
        }).toCompletableFuture().get(5, TimeUnit.SECONDS);
        // the batch, then one by one after the bad record refused it: each time through the batch's own apply
        assertEquals(List.of(List.of("a", "bad1", "b"), List.of("a"), List.of("bad1"), List.of("b")), calls);
        assertEquals(List.of("a", "b"), sink.applied);
        assertEquals(1, sink.setAside.size(), sink.setAside.toString());
    }

    @Test
    void aBatchAppliedWhileAnotherIsRetriedLeavesTheConsumerNotReady() throws Exception {
        Sink sink = new Sink();
        BatchConsumer<JsonNode> consumer = consumer(sink);
        AtomicInteger unavailable = new AtomicInteger(2);
        CompletableFuture<Void> retried = consumer.consume(records("a"), Runnable::run, events -> unavailable.getAndDecrement() > 0
                ? CompletableFuture.failedFuture(new java.net.ConnectException("database away")) : sink.apply(events))
                .toCompletableFuture();
        consumer.consume(records("b"), Runnable::run, sink).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertTrue(consumer.notReady().orElseThrow().contains("database away"), "the other batch is still waiting");
        retried.get(5, TimeUnit.SECONDS);
        assertTrue(consumer.notReady().isEmpty());
        assertEquals(List.of("b", "a"), sink.applied);
    }

    @Test
    void aReplayAppliesWhatIsFixedAndSaysWhyWhatIsNot() throws Exception {
        Sink sink = new Sink();
        BatchConsumer<JsonNode> consumer = consumer(sink);
        assertTrue(consumer.replay(records("a").get(0)).toCompletableFuture().get().applied());
        BatchConsumer.Replayed refused = consumer.replay(records("bad2").get(0)).toCompletableFuture().get();
        assertTrue(!refused.applied() && refused.reason().contains("refused"), refused.toString());
        assertEquals(List.of("a"), sink.applied);
        assertTrue(sink.setAside.isEmpty(), "a replay does not set aside again");
    }
}
