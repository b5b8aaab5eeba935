package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
@WithSession
public class ProgressNoteRepository implements PanacheRepositoryBase<ReportProgressNote, ReportProgressNote.Key> {

    /** The notes of several outcomes in one query, by outcome then timeline order. */
    public Uni<List<ReportProgressNote>> forOutcomes(Collection<String> outcomeIds) {
        if (outcomeIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("key.outcomeId in :ids order by key.outcomeId, key.entry", Parameters.with("ids", outcomeIds));
    }
}
