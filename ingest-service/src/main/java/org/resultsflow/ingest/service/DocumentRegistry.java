package org.resultsflow.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.resultsflow.ingest.repository.DocumentRepository;
import org.resultsflow.ingest.repository.IngestedDocument;

/** The registry of accepted documents, in ingest's own database. */
@ApplicationScoped
public class DocumentRegistry {

    private final DocumentRepository repository;

    public DocumentRegistry(DocumentRepository repository) {
        this.repository = repository;
    }

    @WithSession
    public Uni<IngestedDocument> find(String id) {
        return repository.findById(id);
    }

    @WithSession
    public Uni<List<IngestedDocument>> list(int pageIndex, int pageSize) {
        return repository.listNewestFirst(pageIndex, pageSize);
    }

    /**
     * Records a published document. Two requests with the same bytes may race here; the first row
     * stands and the other request reports it, as both published the same events.
     */
    @WithTransaction
    public Uni<IngestedDocument> register(IngestedDocument document) {
        return repository.findById(document.id)
                .onItem().ifNull().switchTo(() -> repository.persist(document));
    }
}
