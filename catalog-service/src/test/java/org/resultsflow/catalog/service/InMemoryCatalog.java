package org.resultsflow.catalog.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.catalog.service.BudgetMerge;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.catalog.service.CatalogEngine.Snapshot;
import org.resultsflow.catalog.service.CatalogEngine.Stored;
import org.resultsflow.catalog.service.CatalogEngine.Update;
import org.resultsflow.catalog.service.ClaimValues;
import org.resultsflow.catalog.service.IndicatorMerge;
import org.resultsflow.catalog.service.OutcomeMerge;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * The catalog's tables as maps around the real core: each batch loads a snapshot, runs
 * {@link CatalogEngine} and saves its update, as CatalogUpdater does with PostgreSQL, so that orders of
 * arrival can be tried by the dozen without Quarkus, Kafka or a database.
 */
public final class InMemoryCatalog {

    /** Configured as Quarkus configures its ObjectMapper. */
    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final CatalogEngine engine;
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final Map<String, Stored> records = new TreeMap<>();
    private final Set<String> processed = new HashSet<>();
    private final List<Change> published = new ArrayList<>();

    public InMemoryCatalog() {
        ClaimValues values = new ClaimValues(JSON);
        this.engine = new CatalogEngine(new ClaimMapper(JSON), new OutcomeMerge(values), new IndicatorMerge(values),
                new BudgetMerge(values), JSON);
    }

    /** One batch, as CatalogUpdater#apply; returns the changes it made. */
    public List<Change> apply(List<? extends ReceivedEvent<?>> batch, boolean skipProcessed) {
        List<ReceivedEvent<?>> fresh = new ArrayList<>(batch);
        if (skipProcessed) {
            fresh.removeIf(e -> processed.contains(e.id()));
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        Update update = engine.apply(engine.read(fresh, now), new Snapshot(claims.values(), records), now);
        claims.values().removeIf(c -> update.replaced().contains(ClaimMapper.Replacement.of(c)));
        // As the database's claim_per_document constraint: a claim never silently takes another's place.
        update.inserted().forEach(c -> {
            if (claims.putIfAbsent(ClaimMapper.uniqueKey(c), c) != null) {
                throw new IllegalStateException("a second claim of one document for " + ClaimMapper.uniqueKey(c));
            }
        });
        for (Change change : update.changes()) {
            records.put(CatalogEngine.recordKey(change.record().type(), change.record().id()),
                    new Stored(change.version(), change.record().state()));
        }
        published.addAll(update.changes());
        fresh.forEach(e -> processed.add(e.id()));
        return update.changes();
    }

    /** Every canonical record's state by record type and id: what must not depend on the order. */
    public Map<String, String> dump() {
        Map<String, String> dump = new TreeMap<>();
        records.forEach((key, stored) -> dump.put(key, canonical(stored.state())));
        return dump;
    }

    public Map<String, Stored> records() {
        return records;
    }

    public List<Change> published() {
        return published;
    }

    /**
     * A state as comparable text: keys sorted and numbers by value, as PostgreSQL's jsonb keeps neither the
     * order of keys nor the way a number was written.
     */
    public static String canonical(JsonNode state) {
        return normalised(state).toString();
    }

    private static JsonNode normalised(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return value.scale() <= 0 ? BigIntegerNode.valueOf(value.toBigIntegerExact()) : DecimalNode.valueOf(value);
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(normalised(element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            new TreeSet<>(names(node)).forEach(name -> copy.set(name, normalised(node.get(name))));
            return copy;
        }
        return node;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
