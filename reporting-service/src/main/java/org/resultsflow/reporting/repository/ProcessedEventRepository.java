package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** Which of these event ids were applied before: one query for a whole batch. */
    public Uni<Set<String>> alreadyProcessed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return list("eventId in :ids", Parameters.with("ids", eventIds))
                .map((List<ProcessedEvent> rows) -> rows.stream().map(row -> row.eventId).collect(Collectors.toSet()));
    }
}
