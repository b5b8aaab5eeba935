package org.resultsflow.contracts.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.wire.BatchConsumer;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.contracts.wire.EventDecoder;
import org.resultsflow.contracts.wire.InvalidEventException;
import org.resultsflow.contracts.wire.ReceivedEvent;
import org.resultsflow.contracts.wire.Redelivery;

/** The replay rules on a consumer whose sink refuses what it is told to, and a store kept in memory. */
class DeadLetterReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "results.things";
    private static final String TYPE = "test.thing.v1";

    /** Applies each event id once (a second apply of one is a no-op, as with the services' processed ids). */
    static final class Sink implements BatchConsumer.Sink<JsonNode> {
        final Map<String, Integer> effects = new HashMap<>();
        final Set<String> refused = new HashSet<>();
        final MemoryStore store;
        boolean databaseAway;

        Sink(MemoryStore store) {
            this.store = store;
        }

        @Override
        public CompletionStage<?> apply(List<ReceivedEvent<JsonNode>> events) {
            if (databaseAway) {
                return CompletableFuture.failedFuture(new java.net.ConnectException("database away"));
            }
            for (ReceivedEvent<JsonNode> e : events) {
                if (refused.contains(e.id())) {
                    return CompletableFuture.failedFuture(new InvalidEventException("refers to what is not there yet"));
                }
            }
            events.forEach(e -> effects.putIfAbsent(e.id(), 1));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> setAside(ConsumerRecord<String, String> record, String reason) {
            return store.keep(record, reason, Instant.now());
        }
    }

    /** The contract of a service's store, in memory. */
    static final class MemoryStore implements DeadLetterStore {
        final Map<Long, DeadLetter> letters = new LinkedHashMap<>();

        @Override
        public CompletionStage<Void> keep(ConsumerRecord<String, String> r, String reason, Instant at) {
            boolean known = letters.values().stream().anyMatch(l -> l.topic().equals(r.topic())
                    && l.partition() == r.partition() && l.offset() == r.offset());
            if (!known) {
                long id = letters.size() + 1;
                letters.put(id, new DeadLetter(id, r.topic(), r.partition(), r.offset(), r.key(), DeadLetter.eventIdOf(r),
                        CloudEventRecords.type(r), DeadLetter.headersOf(r), r.value(), reason, at, null));
            }
            return CompletableFuture.completedFuture(null);
        }

        private List<DeadLetter> matching(Filter filter) {
            return letters.values().stream().filter(l -> filter.topic() == null || filter.topic().equals(l.topic()))
                    .filter(l -> filter.state() == null || filter.state() == l.state()).toList();
        }

        @Override
        public CompletionStage<List<DeadLetter>> list(Filter filter, int page, int size) {
            return CompletableFuture.completedFuture(matching(filter).stream().skip((long) page * size).limit(size).toList());
        }

        @Override
        public CompletionStage<Long> count(Filter filter) {
            return CompletableFuture.completedFuture((long) matching(filter).size());
        }

        @Override
        public CompletionStage<List<DeadLetter>> find(Collection<Long> ids) {
            return CompletableFuture.completedFuture(letters.values().stream().filter(l -> ids.contains(l.id())).toList());
        }

        @Override
        public CompletionStage<Void> replayed(long id, Instant at) {
            DeadLetter l = letters.get(id);
            letters.put(id, new DeadLetter(id, l.topic(), l.partition(), l.offset(), l.key(), l.eventId(), l.eventType(),
                    l.headers(), l.payload(), l.reason(), l.setAsideAt(), at));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> refusedAgain(long id, String reason) {
            DeadLetter l = letters.get(id);
            letters.put(id, new DeadLetter(id, l.topic(), l.partition(), l.offset(), l.key(), l.eventId(), l.eventType(),
                    l.headers(), l.payload(), reason, l.setAsideAt(), null));
            return CompletableFuture.completedFuture(null);
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final Sink sink = new Sink(store);
    private final BatchConsumer<JsonNode> consumer = new BatchConsumer<>("things",
            EventDecoder.oneTypePerTopic(Map.of(TOPIC, TYPE), Map.of(TYPE, JsonNode.class), JSON), new Redelivery(t -> null), sink);
    private final DeadLetterReplay replay = new DeadLetterReplay(store, Map.of(TOPIC, consumer));

    private static ConsumerRecord<String, String> record(long offset, String id, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, offset, "key-" + id, value);
        record.headers().add(CloudEventRecords.ID, id.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventRecords.TYPE, TYPE.getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void consume(ConsumerRecord<String, String>... records) throws Exception {
        consumer.consume(List.of(records), Runnable::run).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private ReplayReport replay(ReplayRequest request) throws Exception {
        return replay.replay(request, Runnable::run).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void whatWasSetAsideIsKeptOnceAsReceivedAndAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        sink.refused.add("early");
        ConsumerRecord<String, String> early = record(3, "early", "{\"n\":1}");
        ConsumerRecord<String, String> broken = record(4, "broken", "{ not json");
        consume(record(2, "fine", "{}"), early, broken);
        // The batch again, as after a crash before its offsets were committed: nothing more is kept.
        consume(early, broken);

        List<DeadLetter> kept = List.copyOf(store.letters.values());
        assertEquals(2, kept.size(), kept.toString());
        DeadLetter first = kept.get(0);
        assertEquals("early", first.eventId());
        assertEquals(TYPE, first.eventType());
        assertEquals("{\"n\":1}", first.payload());
        assertEquals(3, first.offset());
        assertEquals(List.of(CloudEventRecords.ID, CloudEventRecords.TYPE, "traceparent"),
                first.headers().stream().map(DeadLetter.Header::name).toList());
        assertTrue(first.reason().contains("refers to what is not there yet"), first.reason());
        assertTrue(kept.get(1).reason().contains("not JSON"), kept.get(1).reason());

        ReplayReport tooEarly = replay(ReplayRequest.ALL);
        assertEquals(List.of(), tooEarly.applied());
        assertEquals(2, tooEarly.refused().size());
        assertEquals(2, tooEarly.pending());
        assertNull(sink.effects.get("early"));

        sink.refused.clear();
        ReplayReport fixed = replay(ReplayRequest.ALL);
        assertEquals(List.of(first.id()), fixed.applied());
        assertEquals(List.of(kept.get(1).id()), fixed.refused().stream().map(ReplayReport.Refused::id).toList());
        assertEquals(1, fixed.pending());
        assertNotNull(store.letters.get(first.id()).replayedAt());
        assertEquals(Map.of("fine", 1, "early", 1), sink.effects);

        // Named again by id, and met again on the topic: its effect stays one.
        ReplayReport again = replay(new ReplayRequest(List.of(first.id()), null));
        assertEquals(List.of(first.id()), again.applied());
        consume(early);
        assertEquals(Map.of("fine", 1, "early", 1), sink.effects);
        assertEquals(2, store.letters.size());
    }

    @Test
    void aReplayStopsAtAFailureThatIsNotTheRecordsAndLeavesItPending() throws Exception {
        sink.refused.add("x");
        consume(record(1, "x", "{}"));
        sink.refused.clear();
        sink.databaseAway = true;
        ReplayReport report = replay(new ReplayRequest(null, TOPIC));
        assertTrue(report.stopped().contains("database away"), report.toString());
        assertEquals(1, report.pending());
        sink.databaseAway = false;
        assertEquals(1, replay(ReplayRequest.ALL).applied().size());
        assertEquals(0, replay(ReplayRequest.ALL).taken());
    }

    @Test
    void aRequestNamesIdsOrATopicThisServiceConsumes() {
        assertTrue(replay.problem(new ReplayRequest(List.of(1L), TOPIC)).isPresent());
        assertTrue(replay.problem(new ReplayRequest(null, "catalog.changes")).orElseThrow().contains(TOPIC));
        assertTrue(replay.problem(new ReplayRequest(List.of(0L), null)).isPresent());
        List<Long> many = new ArrayList<>();
        for (long i = 1; i <= ReplayRequest.MAX + 1; i++) {
            many.add(i);
        }
        assertTrue(replay.problem(new ReplayRequest(many, null)).isPresent());
        assertTrue(replay.problem(ReplayRequest.ALL).isEmpty());
        assertTrue(replay.problem(new ReplayRequest(List.of(), " ")).isEmpty());
    }
}
