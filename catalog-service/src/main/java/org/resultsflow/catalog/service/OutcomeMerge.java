package org.resultsflow.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.Fields;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.Provenance;

/** Computes the canonical outcome from all the claims about it: a pure function of the claim set. */
@ApplicationScoped
public class OutcomeMerge {

    private static final Comparator<CatalogProgressNote> NOTE_ORDER = Comparator
            .comparing(CatalogProgressNote::year, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(CatalogProgressNote::sequence);

    private final ClaimValues values;

    public OutcomeMerge(ClaimValues values) {
        this.values = values;
    }

    public CatalogOutcome merge(String outcomeId, Collection<Claim> claims) {
        Map<String, List<Claim>> byEntity = claims.stream()
                .collect(Collectors.groupingBy(c -> c.entityType, TreeMap::new, Collectors.toList()));

        Map<String, Claim> outcomeFields = ClaimValues.bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTCOME, List.of()), c -> c.field);
        Map<String, Provenance> provenance = new TreeMap<>();
        outcomeFields.forEach((field, claim) -> {
            if (claim.known) {
                provenance.put(field, ClaimRanking.provenance(claim));
            }
        });

        // Notes of outputs, by output key; each note is entity + year + sequence, so two notes of one year both stay.
        Map<String, List<CatalogProgressNote>> outputNotes = new TreeMap<>();
        ClaimValues.bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTPUT_NOTE, List.of()), c -> c.entityId).values().forEach(claim ->
                outputNotes.computeIfAbsent(ClaimMapper.noteId(claim.entityId).entity(), k -> new ArrayList<>())
                        .add(note(claim)));
        List<CatalogOutput> outputs = new ArrayList<>();
        ClaimValues.bestPerKey(byEntity.getOrDefault(ClaimMapper.OUTPUT, List.of()), c -> c.entityId).forEach((key, claim) ->
                outputs.add(new CatalogOutput(ClaimMapper.outputCode(key), values.read(claim, String.class),
                        ClaimRanking.provenance(claim), sorted(outputNotes.getOrDefault(key, List.of())))));

        List<CatalogProgressNote> notes = new ArrayList<>();
        ClaimValues.bestPerKey(byEntity.getOrDefault(ClaimMapper.PROGRESS_NOTE, List.of()), c -> c.entityId).values()
                .forEach(claim -> notes.add(note(claim)));

        return new CatalogOutcome(
                outcomeId,
                text(outcomeFields, Fields.CODE),
                text(outcomeFields, Fields.OFFICE),
                text(outcomeFields, Fields.PLAN_PERIOD),
                text(outcomeFields, Fields.STATEMENT),
                text(outcomeFields, Fields.DESCRIPTION),
                list(outcomeFields, Fields.SDG_ALIGNMENT),
                list(outcomeFields, Fields.IMPACT_AREAS),
                list(outcomeFields, Fields.UN_SYSTEM_FUNCTIONS),
                text(outcomeFields, Fields.POLICY_MARKER),
                text(outcomeFields, Fields.HUMANITARIAN_SCOPE),
                provenance,
                outputs,
                sorted(notes));
    }

    private CatalogProgressNote note(Claim claim) {
        ClaimMapper.NoteValue note = values.read(claim, ClaimMapper.NoteValue.class);
        ClaimMapper.NoteId id = ClaimMapper.noteId(claim.entityId);
        return new CatalogProgressNote(id.year(), note.yearBasis(), id.sequence(), note.status(), note.text(),
                note.partial(), ClaimRanking.provenance(claim));
    }

    /** Year (none first), then sequence: a function of the notes alone, never of their arrival. */
    private static List<CatalogProgressNote> sorted(List<CatalogProgressNote> notes) {
        return notes.stream().sorted(NOTE_ORDER).toList();
    }

    private String text(Map<String, Claim> fields, String field) {
        return values.known(fields.get(field), String.class);
    }

    private List<String> list(Map<String, Claim> fields, String field) {
        Claim claim = fields.get(field);
        return claim == null || !claim.known ? List.of() : values.strings(claim);
    }
}
