package org.resultsflow.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Jepsen's queue checker, for documents: every document posted is known by number; at the end the checker reads
 * what ingest registered, what the catalog holds (REST) and what the read models serve (reporting REST), and
 * counts per document, per record and per observation what is missing and what is there twice. The expected
 * records of a document are those of a reference document of the same template, ingested while nothing failed,
 * with the codes renamed. On {@code catalog.changes} it counts, by event id and by version, changes that were
 * applied twice: two different events for the same version of one record.
 */
final class Checker {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one check found. */
    record Report(int documents, int observations, int lost, int duplicated, List<String> problems) {

        boolean clean() {
            return lost == 0 && duplicated == 0;
        }

        @Override
        public String toString() {
            return documents + " documents, " + observations + " observations checked: " + lost + " lost, "
                    + duplicated + " duplicated" + (problems.isEmpty() ? "" : "; " + String.join("; ",
                    problems.subList(0, Math.min(20, problems.size()))));
        }
    }

    private final FaultStack stack;
    private final Map<Boolean, Map<String, Integer>> reference = new HashMap<>();

    Checker(FaultStack stack) {
        this.stack = stack;
    }

    /**
     * Takes the records of a calmly ingested document as what every document of its template must give, once the
     * catalog and the read models have stopped changing (the outbox relay and reporting run on their own clocks).
     */
    void learn(Documents.Doc doc, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> last = records(doc);
        while (System.nanoTime() < deadline) {
            Thread.sleep(3000);
            Map<String, Integer> now = records(doc);
            if (now.equals(last) && now.keySet().stream().anyMatch(k -> k.startsWith("report "))) {
                reference.put(doc.outcomePage(), now);
                return;
            }
            last = now;
        }
        throw new AssertionError("the reference document " + doc.number() + " never settled: " + last.keySet());
    }

    Report check(Collection<Documents.Doc> docs) throws InterruptedException {
        int lost = 0;
        int duplicated = 0;
        int observations = 0;
        List<String> problems = new ArrayList<>();
        for (Documents.Doc doc : docs) {
            Map<String, Integer> expected = reference.get(doc.outcomePage());
            Map<String, Integer> actual = records(doc);
            Set<String> keys = new HashSet<>(expected.keySet());
            keys.addAll(actual.keySet());
            for (String key : keys) {
                int want = expected.getOrDefault(key, 0);
                int have = actual.getOrDefault(key, 0);
                if (key.startsWith("observation ")) {
                    observations += want;
                }
                if (have < want) {
                    lost += want - have;
                    problems.add("document " + doc.number() + " lacks " + key);
                } else if (have > want) {
                    duplicated += have - want;
                    problems.add("document " + doc.number() + " has " + (have - want) + " more of " + key);
                }
            }
        }
        return new Report(docs.size(), observations, lost, duplicated, problems);
    }

    /** The document's records as multiset keys, its codes replaced by placeholders. */
    private Map<String, Integer> records(Documents.Doc doc) throws InterruptedException {
        Map<String, Integer> keys = new TreeMap<>();
        if (stack.get(stack.stack.ingestUrl("/api/documents/" + doc.id())) != null) {
            add(keys, doc, "registered");
        }
        JsonNode outcomes = json(stack.get(stack.stack.catalogUrl("/api/outcomes?size=500&office=" + doc.office())));
        for (JsonNode listed : outcomes.path("items").isArray() ? outcomes.path("items") : outcomes) {
            String id = listed.path("id").asText();
            JsonNode outcome = json(stack.get(stack.stack.catalogUrl("/api/outcomes/" + id + "?include=observations")));
            add(keys, doc, "outcome " + id);
            notes(keys, doc, "note " + id, outcome.path("progressNotes"));
            indicators(keys, doc, outcome.path("indicators"));
            budgets(keys, doc, outcome.path("budgets"));
            for (JsonNode c : outcome.path("funding").path("contributions")) {
                add(keys, doc, "funding " + id + " " + c.path("partner").asText() + " " + c.path("year").asText());
            }
            for (JsonNode output : outcome.path("outputs")) {
                String code = output.path("code").asText();
                add(keys, doc, "output " + code);
                notes(keys, doc, "note " + code, output.path("progressNotes"));
                indicators(keys, doc, output.path("indicators"));
                budgets(keys, doc, output.path("budgets"));
            }
        }
        for (JsonNode report : items(stack.get(stack.stack.reportingUrl("/api/reports/outcomes?size=500&office=" + doc.office())))) {
            String id = report.path("id").asText();
            add(keys, doc, "report outcome " + id);
            for (JsonNode note : report.path("progressNotes")) {
                add(keys, doc, "report note " + id + " " + note.path("outputCode").asText() + " " + note.path("year").asText()
                        + " " + note.path("sequence").asText());
            }
        }
        for (JsonNode row : items(stack.get(stack.stack.reportingUrl("/api/reports/milestone-attainment?size=1000&office=" + doc.office())))) {
            add(keys, doc, "report attainment " + row.path("indicatorId").asText() + " " + row.path("year").asText()
                    + " " + row.path("sequence").asText());
        }
        for (JsonNode row : items(stack.get(stack.stack.reportingUrl("/api/reports/budget-utilisation?size=1000&office=" + doc.office())))) {
            add(keys, doc, "report budget " + row.path("id").asText());
        }
        return keys;
    }

    private static void notes(Map<String, Integer> keys, Documents.Doc doc, String prefix, JsonNode notes) {
        for (JsonNode note : notes) {
            add(keys, doc, prefix + " " + note.path("year").asText() + " " + note.path("sequence").asText());
        }
    }

    private static void indicators(Map<String, Integer> keys, Documents.Doc doc, JsonNode indicators) {
        for (JsonNode indicator : indicators) {
            String id = indicator.path("id").asText();
            add(keys, doc, "indicator " + id);
            for (JsonNode o : indicator.path("observations")) {
                add(keys, doc, "observation " + id + " " + o.path("year").asText() + " " + o.path("kind").asText() + " "
                        + o.path("sequence").asText());
            }
        }
    }

    private static void budgets(Map<String, Integer> keys, Documents.Doc doc, JsonNode budgets) {
        for (JsonNode budget : budgets) {
            add(keys, doc, "budget " + budget.path("id").asText());
        }
    }

    private static void add(Map<String, Integer> keys, Documents.Doc doc, String key) {
        keys.merge(doc.normalise(key), 1, Integer::sum);
    }

    private static JsonNode json(String body) {
        try {
            return body == null ? JSON.createArrayNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createArrayNode();
        }
    }

    /** A list answer: a JSON array, or a page with {@code items}. */
    private static JsonNode items(String body) {
        JsonNode node = json(body);
        return node.isArray() ? node : node.path("items");
    }

    /**
     * Reads {@code catalog.changes} from the beginning: a record whose version was published by two different
     * events (event ids) was changed twice for one change; the same event again is a redelivery, which
     * subscribers recognise by its id. Returns the problems found (none when clean).
     */
    static List<String> changesAppliedTwice(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, String> eventOfVersion = new HashMap<>();
        List<String> problems = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("catalog.changes", Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value() == null) {
                        continue; // a tombstone
                    }
                    Header id = r.headers().lastHeader("ce_id");
                    String eventId = id == null ? "?" : new String(id.value(), StandardCharsets.UTF_8);
                    String version = JSON.readTree(r.value()).path("version").asText();
                    String key = new String(r.key(), StandardCharsets.UTF_8) + " v" + version;
                    String earlier = eventOfVersion.putIfAbsent(key, eventId);
                    if (earlier != null && !earlier.equals(eventId)) {
                        problems.add(key + " published by two events, " + earlier + " and " + eventId);
                    }
                }
            }
        } catch (IOException e) {
            problems.add("catalog.changes holds a record that is not JSON: " + e.getMessage());
        }
        return problems;
    }

    /** Records set aside on the dead-letter topics: each is a change not applied. */
    static long deadLetters(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            long count = 0;
            for (String topic : List.of("catalog.dlq", "reporting.dlq")) {
                if (!consumer.listTopics(Duration.ofSeconds(10)).containsKey(topic)) {
                    continue;
                }
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                    count += end.getValue() - begin.get(end.getKey());
                }
            }
            return count;
        }
    }
}
