package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.resultsflow.contracts.results.SourceDocument;

@ApplicationScoped
@WithSession
public class SourceDocumentRepository implements PanacheRepositoryBase<SourceDocumentEntity, String> {

    /**
     * Records documents the first time any consumer sees them, in one statement. The three ingest topics are
     * consumed concurrently and often bring the same new document at once: the insert tolerates that, and takes
     * the documents in id order so that two batches never wait for each other in a cycle. An address learnt later
     * fills in one not known before; a known one is kept.
     */
    public Uni<Void> remember(Collection<SourceDocument> documents, Instant now) {
        List<SourceDocument> sorted = documents.stream().sorted(Comparator.comparing(SourceDocument::id)).toList();
        return JsonRows.write(sorted, (json, d) -> {
            json.writeStringField("id", d.id());
            json.writeStringField("name", d.name());
            json.writeStringField("media_type", d.mediaType());
            json.writeStringField("layout", d.layout());
            json.writeStringField("as_of", d.asOf() == null ? null : d.asOf().toString());
            json.writeStringField("as_of_basis", d.asOfBasis().name());
            json.writeStringField("source", d.source());
            json.writeStringField("first_seen_at", now.toString());
        }, text -> getSession().chain(session -> session.createNativeQuery("""
                        insert into source_document (id, name, media_type, layout, as_of, as_of_basis, source, first_seen_at)
                        select id, name, media_type, layout, as_of, as_of_basis, source, first_seen_at
                        from jsonb_to_recordset(cast(cast(:rows as text) as jsonb))
                            as r(id text, name text, media_type text, layout text,
                            as_of date, as_of_basis text, source text, first_seen_at timestamptz)
                        on conflict (id) do update set source = excluded.source
                        where source_document.source is null and excluded.source is not null""")
                .setParameter("rows", text).executeUpdate()));
    }
}
