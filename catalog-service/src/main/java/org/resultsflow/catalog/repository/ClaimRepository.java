package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resultsflow.catalog.mapping.ClaimMapper.Replacement;
import org.resultsflow.catalog.mapping.RecordType;

/**
 * Claims are read as plain objects (a tuple query, never managed entities: the session of a batch would otherwise
 * hold, snapshot and dirty-check every claim of every group it touches) and written by set-based statements.
 */
@ApplicationScoped
@WithSession
public class ClaimRepository implements PanacheRepositoryBase<Claim, Long> {

    private static final String COLUMNS = "c.id, c.recordType, c.recordId, c.entityType, c.entityId, c.subject, c.field, "
            + "c.documentId, c.documentName, c.documentSource, c.asOf, c.asOfBasis, c.known, c.value, c.firstLine, "
            + "c.lastLine, c.recordedAt";

    public Uni<List<Claim>> forRecord(RecordType recordType, String recordId) {
        return forGroups(recordType, List.of(recordId));
    }

    /** All claims of these merge groups of one type. */
    public Uni<List<Claim>> forGroups(RecordType recordType, Collection<String> recordIds) {
        return forGroups(Map.of(recordType, recordIds));
    }

    /** All claims of these merge groups, by type: one query for a whole batch. */
    public Uni<List<Claim>> forGroups(Map<RecordType, ? extends Collection<String>> groups) {
        GroupsCondition condition = new GroupsCondition(groups);
        if (condition.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> condition.bind(session.createSelectionQuery("select " + COLUMNS
                                + " from Claim c where " + condition.hql("c.recordType", type -> "c.recordId") + " order by c.id",
                                Object[].class)).getResultList())
                .map(rows -> {
                    List<Claim> claims = new ArrayList<>(rows.size());
                    rows.forEach(row -> claims.add(claim(row)));
                    return claims;
                });
    }

    private static Claim claim(Object[] row) {
        Claim claim = Claim.unmanaged();
        claim.id = (Long) row[0];
        claim.recordType = (String) row[1];
        claim.recordId = (String) row[2];
        claim.entityType = (String) row[3];
        claim.entityId = (String) row[4];
        claim.subject = (String) row[5];
        claim.field = (String) row[6];
        claim.documentId = (String) row[7];
        claim.documentName = (String) row[8];
        claim.documentSource = (String) row[9];
        claim.asOf = (LocalDate) row[10];
        claim.asOfBasis = (String) row[11];
        claim.known = (Boolean) row[12];
        claim.value = (String) row[13];
        claim.firstLine = (Integer) row[14];
        claim.lastLine = (Integer) row[15];
        claim.recordedAt = (Instant) row[16];
        return claim;
    }

    /**
     * Forgets what documents said about these subjects before their newer reading replaces it: a document says one
     * thing about each field, and a re-read must not leave stale claims behind. Set-based, as the inserts.
     */
    public Uni<Void> deleteReplaced(Collection<Replacement> replaced) {
        return JsonRows.write(List.copyOf(replaced), (json, r) -> {
            json.writeStringField("document_id", r.documentId());
            json.writeStringField("record_type", r.recordType());
            json.writeStringField("subject", r.subject());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        delete from claim c using jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as r(document_id text, record_type text, subject text)
                        where c.document_id = r.document_id and c.record_type = r.record_type and c.subject = r.subject""")
                .setParameter("rows", rows).executeUpdate()));
    }

    /**
     * Inserts new claims, set-based; their ids come from the column's sequence. What is the same for every claim of
     * a document (its id, name, address, as-of, and when the claims were recorded) is sent once per document, not
     * once per claim: it was half of the bytes, and PostgreSQL read it again for every row.
     */
    public Uni<Void> insert(List<Claim> claims) {
        return JsonRows.write(byDocument(claims), ClaimRepository::write, rows -> getSession().chain(session -> session.createNativeQuery("""
                        insert into claim (record_type, record_id, entity_type, entity_id, subject, field, document_id,
                            document_name, document_source, as_of, as_of_basis, known, value, first_line, last_line, recorded_at)
                        select c.record_type, c.record_id, c.entity_type, c.entity_id, c.subject, c.field, d.document_id,
                            d.document_name, d.document_source, d.as_of, d.as_of_basis, c.known, c.value, c.first_line,
                            c.last_line, d.recorded_at
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as d(document_id text, document_name text, document_source text, as_of date, as_of_basis text,
                            recorded_at timestamptz, claims jsonb)
                        cross join lateral jsonb_to_recordset(d.claims)
                            as c(record_type text, record_id text, entity_type text, entity_id text, subject text,
                            field text, known boolean, value jsonb, first_line integer, last_line integer)""")
                .setParameter("rows", rows).executeUpdate()));
    }

    /** Claims that share their document's fields, at most this many a row, so that a row stays a fraction of a statement. */
    private static final int CLAIMS_PER_ROW = 500;

    /** Claims of one document reading, recorded at one time. */
    private record ClaimsOfDocument(String documentId, String documentName, String documentSource, LocalDate asOf,
            String asOfBasis, Instant recordedAt, List<Claim> claims) {
    }

    /** The claims by the document fields they share, in their order within each document. */
    private static List<ClaimsOfDocument> byDocument(List<Claim> claims) {
        Map<List<Object>, List<Claim>> shared = new LinkedHashMap<>();
        for (Claim c : claims) {
            shared.computeIfAbsent(Arrays.asList(c.documentId, c.documentName, c.documentSource, c.asOf, c.asOfBasis,
                    c.recordedAt), k -> new ArrayList<>()).add(c);
        }
        List<ClaimsOfDocument> rows = new ArrayList<>();
        shared.values().forEach(same -> {
            Claim first = same.get(0);
            for (int from = 0; from < same.size(); from += CLAIMS_PER_ROW) {
                rows.add(new ClaimsOfDocument(first.documentId, first.documentName, first.documentSource, first.asOf,
                        first.asOfBasis, first.recordedAt, same.subList(from, Math.min(same.size(), from + CLAIMS_PER_ROW))));
            }
        });
        return rows;
    }

    private static void write(JsonGenerator json, ClaimsOfDocument d) throws IOException {
        json.writeStringField("document_id", d.documentId());
        json.writeStringField("document_name", d.documentName());
        json.writeStringField("document_source", d.documentSource());
        json.writeStringField("as_of", d.asOf() == null ? null : d.asOf().toString());
        json.writeStringField("as_of_basis", d.asOfBasis());
        json.writeStringField("recorded_at", d.recordedAt().toString());
        json.writeArrayFieldStart("claims");
        for (Claim claim : d.claims()) {
            json.writeStartObject();
            json.writeStringField("record_type", claim.recordType);
            json.writeStringField("record_id", claim.recordId);
            json.writeStringField("entity_type", claim.entityType);
            json.writeStringField("entity_id", claim.entityId);
            json.writeStringField("subject", claim.subject);
            json.writeStringField("field", claim.field);
            json.writeBooleanField("known", claim.known);
            json.writeFieldName("value");
            if (claim.value == null) {
                json.writeNull();
            } else {
                // Already JSON text: embedded as it is, parsed once by PostgreSQL with the rest.
                json.writeRawValue(claim.value);
            }
            if (claim.firstLine != null) {
                json.writeNumberField("first_line", claim.firstLine);
            }
            if (claim.lastLine != null) {
                json.writeNumberField("last_line", claim.lastLine);
            }
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** How many claims each of these documents made. */
    public Uni<List<DocumentClaims>> countByDocument(Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createQuery(
                        "select documentId, count(*) from Claim where documentId in :ids group by documentId", Object[].class)
                .setParameter("ids", documentIds).getResultList())
                .map(rows -> rows.stream().map(r -> new DocumentClaims((String) r[0], ((Number) r[1]).longValue())).toList());
    }

    public record DocumentClaims(String documentId, long claims) {
    }
}
