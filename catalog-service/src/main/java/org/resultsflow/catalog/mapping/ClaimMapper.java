package org.resultsflow.catalog.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.SourceDocument;

/** Splits what a document says into claims: one per field of each entity it shows. */
@ApplicationScoped
public class ClaimMapper {

    public static final String OUTCOME = "outcome";
    public static final String OUTPUT = "output";
    public static final String PROGRESS_NOTE = "progress_note";

    private final ObjectMapper json;

    public ClaimMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The note as one value: status and text belong together. */
    public record NoteValue(String status, String text) {
    }

    public List<Claim> outcomeClaims(SourceDocument document, Outcome outcome, Instant now) {
        List<Claim> claims = new ArrayList<>();
        String root = outcome.id();
        LineRange lines = outcome.lines();
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("code", outcome.code());
        fields.put("office", outcome.office());
        fields.put("planPeriod", outcome.planPeriod());
        fields.put("statement", outcome.statement());
        fields.put("description", outcome.description());
        fields.put("sdgAlignment", outcome.sdgAlignment());
        fields.put("impactAreas", outcome.impactAreas());
        fields.put("unSystemFunctions", outcome.unSystemFunctions());
        fields.put("policyMarker", outcome.policyMarker());
        fields.put("humanitarianScope", outcome.humanitarianScope());
        fields.forEach((field, value) -> {
            if (value != null) {
                claims.add(claim(document, OUTCOME, root, OUTCOME, root, field, value, known(value), lines, now));
            }
        });
        for (Output output : nullSafe(outcome.outputs())) {
            claims.add(claim(document, OUTCOME, root, OUTPUT, output.code(), "statement", output.statement(),
                    known(output.statement()), output.lines(), now));
        }
        for (ProgressNote note : nullSafe(outcome.progressNotes())) {
            claims.add(claim(document, OUTCOME, root, PROGRESS_NOTE, root + "/" + note.year(), "note",
                    new NoteValue(note.status(), note.text()), known(note.text()), note.lines(), now));
        }
        return claims;
    }

    private Claim claim(SourceDocument document, String recordType, String recordId, String entityType,
            String entityId, String field, Object value, boolean known, LineRange lines, Instant now) {
        Claim claim = new Claim();
        claim.recordType = recordType;
        claim.recordId = recordId;
        claim.entityType = entityType;
        claim.entityId = entityId;
        claim.field = field;
        claim.documentId = document.id();
        claim.documentName = document.name();
        claim.asOf = document.asOf();
        claim.asOfBasis = document.asOfBasis().name();
        claim.known = known;
        claim.value = write(value);
        if (lines != null) {
            claim.firstLine = lines.first();
            claim.lastLine = lines.last();
        }
        claim.recordedAt = now;
        return claim;
    }

    private static boolean known(Object value) {
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        return value != null;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + value, e);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
