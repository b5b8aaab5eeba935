package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
@WithSession
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** Which of these event ids were applied before: one query for a whole batch. */
    public Uni<Set<String>> alreadyProcessed(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return find("eventId in :ids", Parameters.with("ids", eventIds)).project(EventId.class).list()
                .map(rows -> {
                    Set<String> ids = new HashSet<>();
                    rows.forEach(row -> ids.add(row.eventId()));
                    return ids;
                });
    }

    /** Records these events as applied, in the transaction of their effect. */
    public Uni<Void> insert(List<ProcessedEvent> events) {
        return JsonRows.write(events, (json, e) -> {
            json.writeStringField("event_id", e.eventId);
            json.writeStringField("event_type", e.eventType);
            json.writeStringField("processed_at", e.processedAt.toString());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        insert into processed_event (event_id, event_type, processed_at)
                        select event_id, event_type, processed_at
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as r(event_id text, event_type text, processed_at timestamptz)""")
                .setParameter("rows", rows).executeUpdate()));
    }

    public record EventId(String eventId) {
    }
}
