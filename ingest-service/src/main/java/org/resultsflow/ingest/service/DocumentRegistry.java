package org.resultsflow.ingest.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.resultsflow.ingest.repository.DocumentRepository;
import org.resultsflow.ingest.repository.IngestedDocument;
import org.resultsflow.ingest.repository.KnownOutcome;
import org.resultsflow.ingest.repository.KnownOutcomeRepository;

/** The registry of accepted documents, in ingest's own database. */
@ApplicationScoped
public class DocumentRegistry {

    private final DocumentRepository repository;
    private final KnownOutcomeRepository knownOutcomes;

    public DocumentRegistry(DocumentRepository repository, KnownOutcomeRepository knownOutcomes) {
        this.repository = repository;
        this.knownOutcomes = knownOutcomes;
    }

    @WithSession
    public Uni<IngestedDocument> find(String id) {
        return repository.findById(id);
    }

    @WithSession
    public Uni<List<IngestedDocument>> list(int pageIndex, int pageSize) {
        return repository.listNewestFirst(pageIndex, pageSize);
    }

    /** The ids of the outcomes earlier documents showed with this normalised statement. */
    @WithSession
    public Uni<List<String>> outcomesWithStatement(String normalisedStatement) {
        return knownOutcomes.withStatement(normalisedStatement).map(found -> found.stream().map(o -> o.id).toList());
    }

    /**
     * Records a published document and the outcomes it identified. Two requests with the same bytes may
     * race here; the first row stands and the other request reports it, as both published the same events.
     */
    @WithTransaction
    public Uni<IngestedDocument> register(IngestedDocument document, List<KnownOutcome> outcomes) {
        return repository.findById(document.id).onItem().ifNull().switchTo(() -> repository.persist(document)
                .call(() -> rememberNew(outcomes)));
    }

    private Uni<Void> rememberNew(List<KnownOutcome> outcomes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KnownOutcome outcome : outcomes) {
            chain = chain.chain(() -> knownOutcomes.findById(outcome.id)
                    .chain(known -> known != null ? Uni.createFrom().voidItem() : knownOutcomes.persist(outcome).replaceWithVoid()));
        }
        return chain;
    }
}
