package org.resultsflow.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.ClaimMapper.Group;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;

/**
 * The pure core of the catalog: claims in, canonical records and change events out. The consumer runs it
 * on what a batch touched (claims loaded from and states stored in PostgreSQL); tests run the very same
 * steps in memory to check that every arrival order of the same documents ends in the same state.
 */
@ApplicationScoped
public class CatalogEngine {

    private final OutcomeMerge outcomes;
    private final IndicatorMerge indicators;
    private final BudgetMerge budgets;
    private final ObjectMapper json;

    public CatalogEngine(OutcomeMerge outcomes, IndicatorMerge indicators, BudgetMerge budgets, ObjectMapper json) {
        this.outcomes = outcomes;
        this.indicators = indicators;
        this.budgets = budgets;
        this.json = json;
    }

    /** The state a canonical record is kept and compared in. */
    public record Stored(long version, String state) {
    }

    /** A record whose state changed: its new version and the outbox event that announces it. */
    public record Change(Computed record, long version, String eventType, String eventKey, String eventId,
            String payload) {
    }

    /** The records of a record type and id, e.g. {@code indicator/MEX_D_2.1.1::SP_D_0.1.h}. */
    public static String recordKey(String type, String id) {
        return type + '/' + id;
    }

    public static Map<Group, List<Claim>> byGroup(Collection<Claim> claims) {
        return claims.stream().collect(Collectors.groupingBy(c -> new Group(c.recordType, c.recordId),
                TreeMap::new, Collectors.toList()));
    }

    /** Every canonical record of one group, from all the claims of that group. */
    public List<Computed> compute(Group group, Collection<Claim> claims) {
        switch (group.type()) {
            case ClaimMapper.OUTCOME -> {
                CatalogOutcome outcome = outcomes.merge(group.id(), claims);
                return List.of(new Computed(group.type(), group.id(), outcome.office(), outcome.planPeriod(), null,
                        outcome.id(), null, 0, outcome, state(outcome)));
            }
            case ClaimMapper.INDICATOR -> {
                return indicators.merge(group.id(), claims, this::state);
            }
            case ClaimMapper.BUDGET -> {
                CatalogBudget budget = budgets.budget(group.id(), claims);
                return List.of(new Computed(group.type(), group.id(), budget.office(), null, budget.outcomeId(),
                        budget.outcomeId(), null, 0, budget, state(budget)));
            }
            case ClaimMapper.FUNDING -> {
                CatalogFunding funding = budgets.funding(group.id(), claims);
                return List.of(new Computed(group.type(), group.id(), funding.office(), null, null, group.id(), null,
                        0, funding, state(funding)));
            }
            default -> throw new IllegalArgumentException("unknown group type " + group.type());
        }
    }

    /**
     * The changes computed records make to the stored ones (keyed by {@link #recordKey}): a record whose
     * state is what is stored changes nothing; any other gets the next version and an event.
     */
    public List<Change> changes(List<Computed> computed, Map<String, Stored> stored, Instant now) {
        List<Change> changes = new ArrayList<>();
        for (Computed record : computed) {
            Stored previous = stored.get(recordKey(record.type(), record.id()));
            if (previous != null && previous.state().equals(record.state())) {
                continue;
            }
            long version = previous == null ? 1 : previous.version() + 1;
            List<String> changed = changedFields(previous == null ? null : tree(previous.state()), tree(record.state()));
            String type;
            String key = record.id();
            Object data;
            switch (record.type()) {
                case ClaimMapper.OUTCOME -> {
                    type = EventTypes.CATALOG_OUTCOME;
                    data = new OutcomeChanged(record.id(), version, changed, now, (CatalogOutcome) record.canonical());
                }
                case ClaimMapper.INDICATOR -> {
                    type = EventTypes.CATALOG_INDICATOR;
                    data = new IndicatorChanged(record.id(), version, changed, now,
                            (CatalogIndicator) record.canonical(), record.mergedInto());
                }
                case ClaimMapper.BUDGET -> {
                    type = EventTypes.CATALOG_BUDGET;
                    data = new BudgetChanged(record.id(), version, changed, now, (CatalogBudget) record.canonical());
                }
                case ClaimMapper.FUNDING -> {
                    type = EventTypes.CATALOG_FUNDING;
                    key = fundingKey(record.id());
                    data = new FundingChanged(record.id(), version, changed, now, (CatalogFunding) record.canonical());
                }
                default -> throw new IllegalArgumentException("unknown record type " + record.type());
            }
            changes.add(new Change(record, version, type, key, eventId(type, key, version), state(data)));
        }
        return changes;
    }

    /** A compacted topic keeps one record per key: funding must not share the outcome's key. */
    public static String fundingKey(String outcomeId) {
        return outcomeId + "/funding";
    }

    /** Stable per record version: a relay that publishes twice sends the same id twice. */
    public static String eventId(String type, String key, long version) {
        return UUID.nameUUIDFromBytes((type + '/' + key + '/' + version).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static List<String> changedFields(JsonNode previous, JsonNode state) {
        List<String> changed = new ArrayList<>();
        for (Iterator<String> names = state.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (previous == null || !state.get(name).equals(previous.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private String state(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical record cannot be written as JSON", e);
        }
    }

    private JsonNode tree(String state) {
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored canonical state is not JSON", e);
        }
    }
}
