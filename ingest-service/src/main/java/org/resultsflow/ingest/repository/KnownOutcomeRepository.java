package org.resultsflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class KnownOutcomeRepository implements PanacheRepositoryBase<KnownOutcome, String> {

    public Uni<List<KnownOutcome>> withStatement(String normalisedStatement) {
        return list("normalisedStatement", normalisedStatement);
    }
}
