package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.resultsflow.contracts.results.SourceDocument;

@ApplicationScoped
@WithSession
public class SourceDocumentRepository implements PanacheRepositoryBase<SourceDocumentEntity, String> {

    /**
     * Records a document the first time any consumer sees it. The three ingest topics are consumed
     * concurrently and often bring the same new document at once: the insert tolerates that. An address
     * learnt later fills in one not known before; a known one is kept.
     */
    public Uni<Integer> remember(SourceDocument document, Instant now) {
        return getSession().chain(session -> session.createNativeQuery("""
                        insert into source_document (id, name, media_type, layout, as_of, as_of_basis, source, first_seen_at)
                        values (:id, :name, :mediaType, :layout, cast(:asOf as date), :basis, cast(:source as text), :now)
                        on conflict (id) do update set source = excluded.source
                        where source_document.source is null and excluded.source is not null""")
                .setParameter("id", document.id())
                .setParameter("name", document.name())
                .setParameter("mediaType", document.mediaType())
                .setParameter("layout", document.layout())
                .setParameter("asOf", document.asOf())
                .setParameter("basis", document.asOfBasis().name())
                .setParameter("source", document.source())
                .setParameter("now", now.atOffset(java.time.ZoneOffset.UTC))
                .executeUpdate());
    }
}
