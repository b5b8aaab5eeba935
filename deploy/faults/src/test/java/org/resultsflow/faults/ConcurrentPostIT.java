package org.resultsflow.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sixteen clients posting the same document at once make one ingestion and one set of events. */
@ExtendWith(FaultStack.Shared.class)
class ConcurrentPostIT {

    private static final int CLIENTS = 16;

    @Test
    void sixteenClientsPostingTheSameBytesMakeOneIngestion() throws Exception {
        FaultStack stack = FaultStack.shared();
        Documents.Doc doc = Documents.make(600);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return stack.post(doc);
                }));
            }
            go.countDown();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response == null ? 0 : response.statusCode(), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 200, CLIENTS - 1), statuses, "one created, the others already ingested");
        } finally {
            clients.shutdownNow();
        }

        Map<String, Integer> copies = eventsOf(doc, stack.bootstrapServers());
        assertFalse(copies.isEmpty(), "the document's events are published");
        copies.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), copies, "each event published once");
    }

    /** Event id → how many records on the results topics carry it, for the events of one document. */
    private static Map<String, Integer> eventsOf(Documents.Doc doc, String bootstrapServers) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : ResultsTopics.records(bootstrapServers, value -> value.contains(doc.id()))) {
            Header id = r.headers().lastHeader("ce_id");
            assertTrue(id != null, "every event has an id");
            copies.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return copies;
    }
}
