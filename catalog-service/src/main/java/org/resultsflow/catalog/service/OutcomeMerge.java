package org.resultsflow.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.Provenance;

/** Computes the canonical outcome from all the claims about it: a pure function of the claim set. */
@ApplicationScoped
public class OutcomeMerge {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public OutcomeMerge(ObjectMapper json) {
        this.json = json;
    }

    public CatalogOutcome merge(String outcomeId, Collection<Claim> claims) {
        Map<String, List<Claim>> byEntity = claims.stream()
                .collect(Collectors.groupingBy(c -> c.entityType, TreeMap::new, Collectors.toList()));

        Map<String, Claim> outcomeFields = bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTCOME, List.of()), c -> c.field);
        Map<String, Provenance> provenance = new TreeMap<>();
        outcomeFields.forEach((field, claim) -> {
            if (claim.known) {
                provenance.put(field, ClaimRanking.provenance(claim));
            }
        });

        List<CatalogOutput> outputs = new ArrayList<>();
        bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTPUT, List.of()), c -> c.entityId).forEach((code, claim) ->
                outputs.add(new CatalogOutput(code, read(claim, String.class), ClaimRanking.provenance(claim))));

        List<CatalogProgressNote> notes = new ArrayList<>();
        bestPerKey(byEntity.getOrDefault(ClaimMapper.PROGRESS_NOTE, List.of()), c -> c.entityId).values().forEach(claim -> {
            ClaimMapper.NoteValue note = read(claim, ClaimMapper.NoteValue.class);
            int year = Integer.parseInt(claim.entityId.substring(claim.entityId.lastIndexOf('/') + 1));
            notes.add(new CatalogProgressNote(year, note.status(), note.text(), ClaimRanking.provenance(claim)));
        });
        notes.sort(Comparator.comparingInt(CatalogProgressNote::year));

        return new CatalogOutcome(
                outcomeId,
                text(outcomeFields, "code"),
                text(outcomeFields, "office"),
                text(outcomeFields, "planPeriod"),
                text(outcomeFields, "statement"),
                text(outcomeFields, "description"),
                list(outcomeFields, "sdgAlignment"),
                list(outcomeFields, "impactAreas"),
                list(outcomeFields, "unSystemFunctions"),
                text(outcomeFields, "policyMarker"),
                text(outcomeFields, "humanitarianScope"),
                provenance,
                outputs,
                notes);
    }

    /** The winning claim for each key (field or entity), keys in sorted order for a stable state. */
    private static Map<String, Claim> bestPerKey(List<Claim> claims, java.util.function.Function<Claim, String> key) {
        Map<String, Claim> best = new TreeMap<>();
        claims.stream().collect(Collectors.groupingBy(key)).forEach((k, group) ->
                ClaimRanking.best(group).ifPresent(claim -> best.put(k, claim)));
        return best;
    }

    private String text(Map<String, Claim> fields, String field) {
        Claim claim = fields.get(field);
        return claim == null || !claim.known ? null : read(claim, String.class);
    }

    private List<String> list(Map<String, Claim> fields, String field) {
        Claim claim = fields.get(field);
        return claim == null || !claim.known ? List.of() : read(claim, json.getTypeFactory().constructType(STRINGS));
    }

    private <T> T read(Claim claim, Class<T> type) {
        return read(claim, json.getTypeFactory().constructType(type));
    }

    private <T> T read(Claim claim, JavaType type) {
        try {
            return json.readValue(claim.value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("claim " + claim.id + " holds unreadable JSON", e);
        }
    }
}
