package org.resultsflow.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.InMemoryCatalog;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.infra.EventStreams;

/** Helpers the catalog's Kafka tests share. */
public final class CatalogTests {

    private static final Random RANDOM = new Random();

    private CatalogTests() {
    }

    /** An office code no other test uses: upper-case letters only, as outcome ids require. */
    public static String uniqueOffice(String prefix) {
        StringBuilder office = new StringBuilder(prefix);
        for (int i = 0; i < 5; i++) {
            office.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return office.toString();
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored canonical records of one office: record key → state, as InMemoryCatalog#dump. */
    public static Map<String, String> dump(CanonicalRecordRepository records, String office) {
        Map<String, String> dump = new TreeMap<>();
        for (CanonicalRecord record : await(() -> records.list("office", office))) {
            dump.put(key(record), InMemoryCatalog.canonical(record.state));
        }
        return dump;
    }

    /** Versions of the stored canonical records of one office. */
    public static Map<String, Long> versions(CanonicalRecordRepository records, String office) {
        Map<String, Long> versions = new TreeMap<>();
        for (CanonicalRecord record : await(() -> records.list("office", office))) {
            versions.put(key(record), record.version);
        }
        return versions;
    }

    private static String key(CanonicalRecord record) {
        return CatalogEngine.recordKey(RecordType.of(record.key.recordType()), record.key.recordId());
    }

    public static void publish(EventStreams streams, ObjectMapper json, Seeds.Event event) {
        try {
            streams.send(event.topic(), event.key(), event.id(), event.type(), json.writeValueAsString(event.data()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
