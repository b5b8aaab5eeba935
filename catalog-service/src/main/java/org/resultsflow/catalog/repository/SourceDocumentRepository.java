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
     * Records documents the first time any consumer sees them, and fills in an address learnt later where none was
     * known. The three ingest topics are consumed concurrently and often bring the same new document at once: the
     * insert tolerates that and takes the documents in id order, so two batches never wait for each other in a cycle.
     * A batch calls this last (claims check their document at commit): the lock on a new document's row is then held
     * for the commit alone, and a document already stored is not locked at all unless its address is filled in.
     */
    public Uni<Void> remember(Collection<SourceDocument> documents, Instant now) {
        List<SourceDocument> sorted = documents.stream().sorted(Comparator.comparing(SourceDocument::id)).toList();
        if (sorted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Uni<Void> inserted = JsonRows.write(sorted, (json, d) -> {
            json.writeStringField("id", d.id());
            json.writeStringField("name", d.name());
            json.writeStringField("media_type", d.mediaType());
            json.writeStringField("layout", d.layout());
            json.writeStringField("as_of", d.asOf() == null ? null : d.asOf().toString());
            json.writeStringField("as_of_basis", d.asOfBasis().name());
            json.writeStringField("source", d.source());
            json.writeStringField("first_seen_at", now.toString());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        insert into source_document (id, name, media_type, layout, as_of, as_of_basis, source, first_seen_at)
                        select id, name, media_type, layout, as_of, as_of_basis, source, first_seen_at
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as r(id text, name text, media_type text, layout text,
                            as_of date, as_of_basis text, source text, first_seen_at timestamptz)
                        on conflict (id) do nothing""")
                .setParameter("rows", rows).executeUpdate()));
        List<SourceDocument> addressed = sorted.stream().filter(d -> d.source() != null).toList();
        if (addressed.isEmpty()) {
            return inserted;
        }
        // After the insert, so that a row another batch inserted and committed meanwhile is seen and filled in.
        return inserted.chain(() -> JsonRows.write(addressed, (json, d) -> {
            json.writeStringField("id", d.id());
            json.writeStringField("source", d.source());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        update source_document d set source = r.source
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb)) as r(id text, source text)
                        where d.id = r.id and d.source is null""")
                .setParameter("rows", rows).executeUpdate())));
    }
}
