package org.resultsflow.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against whatever {@code auto} picks; on a machine without a Docker engine that is the embedded pair. */
class EmbeddedInfrastructureTest {

    private static Infrastructure infra;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        infra = SharedInfrastructure.get();
        System.out.printf("TIMING shared infrastructure up in %d ms (Kafka %s)%n", millisSince(t0),
                infra.kafkaBootstrapServers());
    }

    @Test
    void recordGoesThroughBrokerAndBackViaConsumerGroup() throws Exception {
        try (KafkaTestTopics topics = new KafkaTestTopics(infra.kafkaBootstrapServers())) {
            String topic = topics.create("roundtrip", 2);
            long t0 = System.nanoTime();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "doc-1", "hello")).get();
            }
            // A group.id with commits needs the group coordinator and __consumer_offsets: the parts that hang on
            // a single broker with default replication factors.
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, KafkaTestTopics.uniqueName("group"),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                List<ConsumerRecord<String, String>> received = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                }
                assertEquals(1, received.size(), "records received");
                assertEquals("doc-1", received.get(0).key());
                assertEquals("hello", received.get(0).value());
                consumer.commitSync(Duration.ofSeconds(30));
            }
            System.out.printf("TIMING produce + group consume + commit in %d ms%n", millisSince(t0));
        }
    }

    @Test
    void databasesAreSeparateAndTakeSql() throws SQLException {
        long t0 = System.nanoTime();
        Database alpha = infra.database("alpha");
        Database beta = infra.database("beta");
        System.out.printf("TIMING two databases created in %d ms%n", millisSince(t0));

        try (Connection c = connect(alpha); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE result (id int PRIMARY KEY, title text)");
            s.execute("INSERT INTO result VALUES (1, 'outcome')");
            assertEquals("alpha alpha outcome", single(s,
                    "SELECT current_database() || ' ' || current_user || ' ' || title FROM result"));
        }
        try (Connection c = connect(beta); Statement s = c.createStatement()) {
            assertEquals("0", single(s, "SELECT count(*) FROM pg_tables WHERE tablename = 'result'"));
        }
        assertTrue(alpha.reactiveUrl().startsWith("postgresql://"), alpha.reactiveUrl());
    }

    @Test
    void databaseIsIdempotentAlsoWhenCalledConcurrently() throws Exception {
        Database first = infra.database("gamma");
        assertEquals(first, infra.database("gamma"));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Database>> racing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                racing.add(pool.submit(() -> infra.database("delta")));
            }
            for (Future<Database> f : racing) {
                assertEquals("delta", f.get().name());
            }
        } finally {
            pool.shutdown();
        }
        try (Connection c = connect(infra.database("delta")); Statement s = c.createStatement()) {
            assertEquals("delta", single(s, "SELECT current_database()"));
        }
    }

    @Test
    void testResourceHandsQuarkusTheSharedBrokerAndItsOwnDatabase() {
        ResultsflowTestResource resource = new ResultsflowTestResource();
        resource.init(Map.of("database", "catalog"));
        Map<String, String> config = resource.start();
        Database catalog = infra.database("catalog");
        assertEquals(Map.of(
                "kafka.bootstrap.servers", infra.kafkaBootstrapServers(),
                "quarkus.datasource.username", "catalog",
                "quarkus.datasource.password", "catalog",
                "quarkus.datasource.reactive.url", catalog.reactiveUrl(),
                "quarkus.datasource.jdbc.url", catalog.jdbcUrl(),
                "quarkus.devservices.enabled", "false"), config);
        assertSame(infra, SharedInfrastructure.get());
    }

    @Test
    void endpointsSurviveTheHandOffToAnotherClassLoader() {
        Endpoints endpoints = new Endpoints("localhost:1", "localhost", 2, "postgres", "");
        assertEquals(endpoints, Endpoints.decode(endpoints.encode()));
    }

    private static Connection connect(Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static String single(Statement s, String query) throws SQLException {
        try (ResultSet rs = s.executeQuery(query)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
