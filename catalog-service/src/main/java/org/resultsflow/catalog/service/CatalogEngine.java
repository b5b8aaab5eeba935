package org.resultsflow.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.ClaimMapper.Group;
import org.resultsflow.catalog.mapping.ClaimMapper.Mapped;
import org.resultsflow.catalog.mapping.ClaimMapper.Replacement;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * The pure core of the catalog: what a batch of events does to the stored claims and canonical records of
 * the groups it touches. No I/O: {@link CatalogUpdater} loads the {@link Snapshot} and saves the
 * {@link Update} in one transaction; tests run the same function on maps to check that every arrival order
 * of the same documents ends in the same state.
 */
@ApplicationScoped
public class CatalogEngine {

    /**
     * Numbers are equal by value: a state read back from PostgreSQL may write {@code 934310.00} as
     * {@code 934310.0}, and that is no change.
     */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> a.isNumber() && b.isNumber()
            ? a.decimalValue().compareTo(b.decimalValue())
            : a.equals(b) ? 0 : 1;

    private final ClaimMapper mapper;
    private final OutcomeMerge outcomes;
    private final IndicatorMerge indicators;
    private final BudgetMerge budgets;
    private final ObjectMapper json;

    public CatalogEngine(ClaimMapper mapper, OutcomeMerge outcomes, IndicatorMerge indicators, BudgetMerge budgets,
            ObjectMapper json) {
        this.mapper = mapper;
        this.outcomes = outcomes;
        this.indicators = indicators;
        this.budgets = budgets;
        this.json = json;
    }

    /** A canonical record as stored: its version and state. */
    public record Stored(long version, JsonNode state) {
    }

    /**
     * What the store holds for the groups a batch touches: their claims and their canonical records (keyed
     * by {@link #recordKey}). Claims or records of other groups may be included; they are left alone.
     */
    public record Snapshot(Collection<Claim> claims, Map<String, Stored> records) {
    }

    /**
     * A record whose state changed: its new version and the outbox event that announces it. The event's data is
     * {@code envelope} with the record's state under {@link #stateField()}; the outbox insert composes the two in
     * SQL from the state it has just written, so the state, most of an event, is sent to PostgreSQL once.
     */
    public record Change(Computed record, long version, String eventType, String eventKey, String eventId,
            ObjectNode envelope) {

        /** The field of the data that holds the canonical state; null for a merged-into change, which has none. */
        public String stateField() {
            return record.canonical() == null ? null : record.type().value();
        }

        /** The event's data as published. */
        public ObjectNode payload() {
            ObjectNode data = envelope.deepCopy();
            if (stateField() != null) {
                data.set(stateField(), record.state());
            }
            return data;
        }
    }

    /**
     * What to save: the batch's documents, the stored claims its claims replace (a document's newer reading
     * of a subject replaces all it said about that subject before), the claims to insert, and the changed
     * records with their events, in group order.
     */
    public record Update(Map<String, SourceDocument> documents, Set<Replacement> replaced, List<Claim> inserted,
            List<Change> changes) {
    }

    /** The records of a record type and id, e.g. {@code indicator/MEX_D_2.1.1::SP_D_0.1.h}. */
    public static String recordKey(RecordType type, String id) {
        return type.value() + '/' + id;
    }

    /** What a batch says, each event once: its documents, claims and the groups they touch. */
    public Mapped read(List<? extends ReceivedEvent<?>> batch, Instant now) {
        Map<String, ReceivedEvent<?>> unique = new LinkedHashMap<>();
        batch.forEach(event -> unique.putIfAbsent(event.id(), event));
        return mapper.map(new ArrayList<>(unique.values()), now);
    }

    /** The batch applied to what was stored: a function of the two alone. */
    public Update apply(Mapped batch, Snapshot before, Instant now) {
        List<Claim> claims = new ArrayList<>();
        before.claims().stream()
                .filter(c -> !batch.replaces(c) && batch.touched().contains(ClaimMapper.groupOf(c)))
                .forEach(claims::add);
        claims.addAll(batch.claims());
        Map<Group, List<Claim>> byGroup = claims.stream().collect(Collectors.groupingBy(ClaimMapper::groupOf,
                TreeMap::new, Collectors.toList()));
        List<Computed> computed = new ArrayList<>();
        for (Group group : batch.touched()) {
            computed.addAll(compute(group, byGroup.getOrDefault(group, List.of())));
        }
        return new Update(batch.documents(), batch.replacements(), batch.claims(),
                changes(computed, before.records(), now));
    }

    /**
     * The canonical records of one group as they stood on a date: the same merge over only the claims of
     * documents as of that date or earlier. A document with no as-of date is left out, as nothing says it was
     * known then. No such claim: no record.
     */
    public List<Computed> asOf(Group group, Collection<Claim> claims, LocalDate date) {
        List<Claim> then = claims.stream().filter(c -> c.asOf != null && !c.asOf.isAfter(date)).toList();
        return then.isEmpty() ? List.of() : compute(group, then);
    }

    /** Every canonical record of one group, from all the claims of that group. */
    List<Computed> compute(Group group, Collection<Claim> claims) {
        return switch (group.type()) {
            case OUTCOME -> {
                CatalogOutcome outcome = outcomes.merge(group.id(), claims);
                yield List.of(new Computed(group.type(), group.id(), outcome.office(), outcome.planPeriod(), null,
                        outcome.id(), null, 0, outcome, json.valueToTree(outcome)));
            }
            case INDICATOR -> indicators.merge(group.id(), claims, json::valueToTree);
            case BUDGET -> {
                CatalogBudget budget = budgets.budget(group.id(), claims);
                yield List.of(new Computed(group.type(), group.id(), budget.office(), null, budget.outcomeId(),
                        budget.outcomeId(), null, 0, budget, json.valueToTree(budget)));
            }
            case FUNDING -> {
                CatalogFunding funding = budgets.funding(group.id(), claims);
                yield List.of(new Computed(group.type(), group.id(), funding.office(), null, null, group.id(), null,
                        0, funding, json.valueToTree(funding)));
            }
        };
    }

    /**
     * The changes computed records make to the stored ones: a record whose state is what is stored changes
     * nothing; any other gets the next version and an event.
     */
    private List<Change> changes(List<Computed> computed, Map<String, Stored> stored, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Computed record : computed) {
            Stored previous = stored.get(recordKey(record.type(), record.id()));
            if (previous != null && same(previous.state(), record.state())) {
                continue;
            }
            long version = previous == null ? 1 : previous.version() + 1;
            List<String> changed = changedFields(previous == null ? null : previous.state(), record.state());
            String key = record.type() == RecordType.FUNDING ? fundingKey(record.id()) : record.id();
            String type = record.type().eventType();
            changes.add(new Change(record, version, type, key, eventId(type, key, version),
                    envelope(record, version, changed, now)));
        }
        return changes;
    }

    /** The change event's data without the canonical state, which {@link Change#payload()} puts in. */
    private ObjectNode envelope(Computed record, long version, List<String> changed, Instant now) {
        return json.valueToTree(switch (record.type()) {
            case OUTCOME -> new OutcomeChanged(record.id(), version, changed, now, null);
            case INDICATOR -> new IndicatorChanged(record.id(), version, changed, now, null, record.mergedInto());
            case BUDGET -> new BudgetChanged(record.id(), version, changed, now, null);
            case FUNDING -> new FundingChanged(record.id(), version, changed, now, null);
        });
    }

    /** A compacted topic keeps one record per key: funding must not share the outcome's key. */
    public static String fundingKey(String outcomeId) {
        return outcomeId + "/funding";
    }

    /** Stable per record version: a relay that publishes twice sends the same id twice. */
    public static String eventId(String type, String key, long version) {
        return UUID.nameUUIDFromBytes((type + '/' + key + '/' + version).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Whether two states are the same record, numbers compared by value. */
    public static boolean same(JsonNode a, JsonNode b) {
        return a == null ? b == null : b != null && a.equals(SAME_VALUE, b);
    }

    static List<String> changedFields(JsonNode previous, JsonNode state) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = state.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (previous == null || !same(state.get(name), previous.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }
}
