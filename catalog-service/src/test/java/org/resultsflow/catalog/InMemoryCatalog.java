package org.resultsflow.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.ClaimMapper.Group;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.catalog.service.CatalogEngine.Change;
import org.resultsflow.catalog.service.CatalogEngine.Stored;
import org.resultsflow.catalog.service.Computed;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * The catalog's update steps with maps in place of tables: the same claim mapping, the same claim
 * replacement rule, recomputation of the touched groups only, and the same change detection as
 * CatalogUpdater, so that orders of arrival can be tried by the dozen without a database.
 */
final class InMemoryCatalog {

    private final ClaimMapper mapper;
    private final CatalogEngine engine;
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, Stored> records = new TreeMap<>();
    private final Map<String, String> keys = new TreeMap<>();
    private final Set<String> processed = new HashSet<>();
    private final List<Change> published = new ArrayList<>();

    InMemoryCatalog(ClaimMapper mapper, CatalogEngine engine) {
        this.mapper = mapper;
        this.engine = engine;
    }

    /** One batch, as CatalogUpdater#apply; returns the changes it made. */
    List<Change> apply(List<? extends ReceivedEvent<?>> batch, boolean skipProcessed) {
        Map<String, ReceivedEvent<?>> fresh = new LinkedHashMap<>();
        batch.forEach(e -> {
            if (!skipProcessed || !processed.contains(e.id())) {
                fresh.putIfAbsent(e.id(), e);
            }
        });
        if (fresh.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now();
        ClaimMapper.Mapped mapped = mapper.map(new ArrayList<>(fresh.values()), now);
        claims.values().removeIf(c -> mapped.replacements().contains(
                new ClaimMapper.Replacement(c.documentId, c.recordType, c.subject)));
        mapped.claims().forEach(c -> claims.put(ClaimMapper.uniqueKey(c), c));
        Map<Group, List<Claim>> byGroup = CatalogEngine.byGroup(claims.values().stream()
                .filter(c -> mapped.touched().contains(new Group(c.recordType, c.recordId))).toList());
        List<Computed> computed = new ArrayList<>();
        for (Group group : mapped.touched()) {
            computed.addAll(engine.compute(group, byGroup.getOrDefault(group, List.of())));
        }
        List<Change> changes = engine.changes(computed, records, now);
        for (Change change : changes) {
            String key = CatalogEngine.recordKey(change.record().type(), change.record().id());
            records.put(key, new Stored(change.version(), change.record().state()));
            keys.put(key, change.eventKey());
        }
        published.addAll(changes);
        processed.addAll(fresh.keySet());
        return changes;
    }

    /** Every canonical record's state by record type and id: what must not depend on the order. */
    Map<String, String> dump() {
        Map<String, String> dump = new TreeMap<>();
        records.forEach((key, stored) -> dump.put(key, stored.state()));
        return dump;
    }

    Map<String, Stored> records() {
        return records;
    }

    List<Change> published() {
        return published;
    }
}
