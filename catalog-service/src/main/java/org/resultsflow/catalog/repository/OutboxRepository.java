package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    /** The oldest unpublished events, locked so that no other relay instance publishes them too. */
    public Uni<List<OutboxEvent>> lockOldestUnpublished(int limit) {
        return find("publishedAt is null order by id").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }

    /** {@code count} ids of the outbox sequence in one round trip, ascending. */
    public Uni<List<Long>> nextIds(int count) {
        return next("outbox_event_id_seq", count);
    }

    /** {@code count} positions in publication order, ascending: taken by the relay as it marks rows published. */
    public Uni<List<Long>> nextPublicationSeqs(int count) {
        return next("outbox_publication_seq", count);
    }

    private Uni<List<Long>> next(String sequence, int count) {
        if (count == 0) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> session.createNativeQuery(
                        "select nextval('" + sequence + "') from generate_series(1, :n)", Long.class)
                .setParameter("n", count).getResultList())
                .map(ids -> ids.stream().sorted().toList());
    }

    /**
     * Deletes up to {@code limit} rows published before this instant, oldest first; returns how many. An
     * unpublished row is never deleted, however old.
     */
    public Uni<Integer> deletePublishedBefore(Instant before, int limit) {
        return getSession().chain(session -> session.createNativeQuery(
                        "delete from outbox_event where id in (select id from outbox_event where published_at < :before "
                                + "order by published_at limit :limit)")
                .setParameter("before", before).setParameter("limit", (long) limit).executeUpdate());
    }

    public Uni<Long> unpublished() {
        return count("publishedAt is null");
    }
}
