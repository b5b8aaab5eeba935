package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class ClaimRepository implements PanacheRepositoryBase<Claim, Long> {

    public Uni<List<Claim>> forRecord(String recordType, String recordId) {
        return list("recordType = :type and recordId = :id order by id",
                Parameters.with("type", recordType).and("id", recordId));
    }

    /**
     * Forgets what one document said about these records before its newer reading replaces it: a
     * document says one thing about each field, and a re-read must not leave stale claims behind.
     */
    public Uni<Long> deleteForDocument(String documentId, String recordType, Collection<String> recordIds) {
        return delete("documentId = :doc and recordType = :type and recordId in :ids",
                Parameters.with("doc", documentId).and("type", recordType).and("ids", recordIds));
    }
}
