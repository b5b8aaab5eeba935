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

    private static final Comparator<CatalogProgressNote> NOTE_ORDER = Comparator
            .comparing(CatalogProgressNote::year, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(CatalogProgressNote::sequence);

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

        // Notes of outputs, by output key; each note is entity + year + sequence, so two notes of one year both stay.
        Map<String, List<CatalogProgressNote>> outputNotes = new TreeMap<>();
        bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTPUT_NOTE, List.of()), c -> c.entityId).values().forEach(claim ->
                outputNotes.computeIfAbsent(ClaimMapper.noteId(claim.entityId).entity(), k -> new ArrayList<>())
                        .add(note(claim)));
        List<CatalogOutput> outputs = new ArrayList<>();
        bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTPUT, List.of()), c -> c.entityId).forEach((key, claim) ->
                outputs.add(new CatalogOutput(ClaimMapper.outputCode(key), read(claim, String.class),
                        ClaimRanking.provenance(claim), sorted(outputNotes.getOrDefault(key, List.of())))));

        List<CatalogProgressNote> notes = new ArrayList<>();
        bestPerKey(byEntity.getOrDefault(ClaimMapper.PROGRESS_NOTE, List.of()), c -> c.entityId).values()
                .forEach(claim -> notes.add(note(claim)));

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
                sorted(notes));
    }

    private CatalogProgressNote note(Claim claim) {
        ClaimMapper.NoteValue note = read(claim, ClaimMapper.NoteValue.class);
        ClaimMapper.NoteId id = ClaimMapper.noteId(claim.entityId);
        return new CatalogProgressNote(id.year(), note.yearBasis(), id.sequence(), note.status(), note.text(),
                note.partial(), ClaimRanking.provenance(claim));
    }

    /** Year (none first), then sequence: a function of the notes alone, never of their arrival. */
    private static List<CatalogProgressNote> sorted(List<CatalogProgressNote> notes) {
        return notes.stream().sorted(NOTE_ORDER).toList();
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
