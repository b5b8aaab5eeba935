package org.resultsflow.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resultsflow.local.ServiceProcess;

/**
 * Each fault while documents are being posted; after each: nothing lost, nothing applied twice, the consumers
 * caught up, every service ready again without anyone restarting it (a service that was killed is restarted,
 * as its supervisor would; the others must heal by themselves). {@code -Dresultsflow.faults=long} repeats each
 * fault with more documents and longer outages, for a soak.
 */
@ExtendWith(FaultStack.Shared.class)
class FaultsIT {

    static final boolean LONG = "long".equals(System.getProperty("resultsflow.faults", "fast"));
    static final int DOCUMENTS = LONG ? 12 : 4;
    static final int ROUNDS = LONG ? 3 : 1;
    static final Duration OUTAGE = Duration.ofSeconds(LONG ? 30 : 10);
    static final Duration SETTLE = Duration.ofSeconds(150);

    static FaultStack stack;
    static Checker checker;
    static final List<Documents.Doc> POSTED = Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger NEXT = new AtomicInteger();
    static final Map<String, String> SURVIVED = Collections.synchronizedMap(new LinkedHashMap<>());

    @BeforeAll
    static void calibrate() throws Exception {
        stack = FaultStack.shared();
        checker = new Checker(stack);
        // The reference documents, ingested while nothing fails: what every later document must give.
        for (int i = 0; i < 2; i++) {
            Documents.Doc doc = Documents.make(NEXT.getAndIncrement());
            HttpResponse<String> response = stack.post(doc);
            assertTrue(response != null && response.statusCode() == 201, "reference document: " + response);
        }
        stack.awaitSettled(SETTLE);
        checker.learn(Documents.make(0), SETTLE);
        checker.learn(Documents.make(1), SETTLE);
        POSTED.add(Documents.make(0));
        POSTED.add(Documents.make(1));
    }

    @AfterAll
    static void summary() throws Exception {
        if (stack == null) {
            return;
        }
        Checker.Report all = checker.check(List.copyOf(POSTED));
        String line = "Faults survived: " + SURVIVED.size() + " " + SURVIVED.keySet() + "; " + all;
        System.out.println(line);
        Path target = FaultStack.PROJECT.resolve("deploy/faults/target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("faults-summary.txt"), line + "\n" + String.join("\n",
                SURVIVED.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()) + "\n",
                StandardCharsets.UTF_8);
    }

    interface Fault {
        void inject(Load load) throws Exception;
    }

    /** Posts documents, injects the fault once they flow, then checks every guarantee. */
    private static void survive(String name, Fault fault) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            List<Documents.Doc> docs = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                docs.add(Documents.make(NEXT.getAndIncrement()));
            }
            POSTED.addAll(docs);
            long t0 = System.nanoTime();
            Load load = Load.start(stack, docs);
            load.awaitAccepted(1);
            fault.inject(load);
            List<String> clientProblems = load.finish();
            assertEquals(List.of(), clientProblems, name + ": what the client saw");
            stack.awaitSettled(SETTLE);
            Checker.Report report = awaitClean(docs);
            assertTrue(report.clean(), name + ": " + report);
            assertEquals(List.of(), Checker.changesAppliedTwice(stack.bootstrapServers()), name + ": catalog.changes");
            assertEquals(0, Checker.deadLetters(stack.bootstrapServers()), name + ": records set aside");
            SURVIVED.put(name + (ROUNDS > 1 ? " #" + (round + 1) : ""), report + "; client: " + load.unavailable.get()
                    + " answers 503, " + load.unreachable.get() + " posts unanswered; "
                    + (System.nanoTime() - t0) / 1_000_000_000 + " s");
        }
    }

    /** The read side converges on its own clock: check until clean, or report what is still wrong. */
    private static Checker.Report awaitClean(List<Documents.Doc> docs) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Checker.Report report = checker.check(docs);
        while (!report.clean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            report = checker.check(docs);
        }
        return report;
    }

    private static void killAndRestart(String service) throws Exception {
        ServiceProcess process = stack.service(service);
        process.kill();
        process.restart(Map.of());
        stack.stack.awaitReady(process);
    }

    @Test
    void ingestKilledAndRestarted() throws Exception {
        survive("kill -9 ingest-service", load -> killAndRestart(FaultStack.INGEST));
    }

    @Test
    void catalogKilledAndRestarted() throws Exception {
        survive("kill -9 catalog-service", load -> killAndRestart(FaultStack.CATALOG));
    }

    @Test
    void reportingKilledAndRestarted() throws Exception {
        survive("kill -9 reporting-service", load -> killAndRestart(FaultStack.REPORTING));
    }

    @Test
    void brokerKilledAndRestartedOnItsLogDirectory() throws Exception {
        survive("kill -9 Kafka broker", load -> {
            stack.infra.killBroker();
            Thread.sleep(OUTAGE.toMillis());
            stack.infra.startBroker();
        });
    }

    @Test
    void brokerPausedThenResumed() throws Exception {
        survive("SIGSTOP Kafka broker " + OUTAGE.toSeconds() + " s", load -> {
            stack.infra.pauseBroker();
            Thread.sleep(OUTAGE.toMillis());
            stack.infra.resumeBroker();
        });
    }

    @Test
    void postgresStoppedImmediatelyThenRestarted() throws Exception {
        survive("pg_ctl stop -m immediate", load -> {
            Path pgCtl = stack.infra.pgCtlPath();
            stack.infra.crashPostgres();
            Thread.sleep(OUTAGE.toMillis());
            stack.infra.startPostgres(pgCtl);
        });
    }

    @Test
    void everyEventDeliveredTwiceAndReorderedPerEntity() throws Exception {
        survive("every event twice, reordered per entity", load -> {
            load.finish();
            stack.awaitSettled(SETTLE);
            redeliverTwiceReversed(load.docs);
        });
    }

    @Test
    void ingestDiesBetweenKafkaAckAndRegistryThenTheSameDocumentIsPostedAgain() throws Exception {
        ServiceProcess ingest = stack.service(FaultStack.INGEST);
        Documents.Doc doc = Documents.make(NEXT.getAndIncrement());
        POSTED.add(doc);
        ingest.close();
        ingest.restart(Map.of("RESULTSFLOW_INGEST_FAULT_HALT_AFTER_PUBLISH", "true"));
        stack.stack.awaitReady(ingest);

        HttpResponse<String> cut = stack.post(doc);
        assertTrue(cut == null || cut.statusCode() >= 500, "the post is cut off: " + (cut == null ? "" : cut.body()));
        ingest.awaitExit(Duration.ofSeconds(30));
        assertFalse(ingest.isAlive(), "ingest halted after Kafka acknowledged");

        ingest.restart(Map.of());
        stack.stack.awaitReady(ingest);
        assertNotEquals(200, stack.status(stack.stack.ingestUrl("/api/documents/" + doc.id())),
                "the document is not registered: its events were, its row was not");
        HttpResponse<String> again = stack.post(doc);
        assertEquals(201, again.statusCode(), again.body());
        stack.awaitSettled(SETTLE);
        Checker.Report report = awaitClean(List.of(doc));
        assertTrue(report.clean(), report.toString());
        assertEquals(List.of(), Checker.changesAppliedTwice(stack.bootstrapServers()));
        SURVIVED.put("ingest halted between Kafka ack and registry write, same document posted again", report.toString());
    }

    /**
     * A test-side producer sends every event of these documents again, twice, in reverse order on each partition:
     * each entity's events (one partition holds all of them) come again, repeated and in the wrong order.
     */
    private static void redeliverTwiceReversed(List<Documents.Doc> docs) {
        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // topic + partition → the documents' events in offset order
        Map<String, List<ConsumerRecord<byte[], byte[]>>> perPartition = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : ResultsTopics.records(stack.bootstrapServers(),
                value -> docs.stream().anyMatch(d -> value.contains(d.id())))) {
            perPartition.computeIfAbsent(r.topic() + "/" + r.partition(), k -> new ArrayList<>()).add(r);
        }
        assertFalse(perPartition.isEmpty(), "the documents' events are on the topics");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig)) {
            for (List<ConsumerRecord<byte[], byte[]>> events : perPartition.values()) {
                List<ConsumerRecord<byte[], byte[]>> reversed = new ArrayList<>(events);
                Collections.reverse(reversed);
                for (int copy = 0; copy < 2; copy++) {
                    for (ConsumerRecord<byte[], byte[]> r : reversed) {
                        producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers()));
                    }
                }
            }
            producer.flush();
        }
    }
}
