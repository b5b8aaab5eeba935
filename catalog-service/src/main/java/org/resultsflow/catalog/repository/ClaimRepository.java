package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.resultsflow.catalog.mapping.RecordType;

@ApplicationScoped
@WithSession
public class ClaimRepository implements PanacheRepositoryBase<Claim, Long> {

    public Uni<List<Claim>> forRecord(RecordType recordType, String recordId) {
        return forGroups(recordType, List.of(recordId));
    }

    /** All claims of these merge groups of one type: one query for a whole batch. */
    public Uni<List<Claim>> forGroups(RecordType recordType, Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("recordType = :type and recordId in :ids order by id",
                Parameters.with("type", recordType.value()).and("ids", recordIds));
    }

    /**
     * Forgets what one document said about these subjects before its newer reading replaces it: a document
     * says one thing about each field, and a re-read must not leave stale claims behind.
     */
    public Uni<Long> deleteForDocument(String documentId, String recordType, Collection<String> subjects) {
        return delete("documentId = :doc and recordType = :type and subject in :subjects",
                Parameters.with("doc", documentId).and("type", recordType).and("subjects", subjects));
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
