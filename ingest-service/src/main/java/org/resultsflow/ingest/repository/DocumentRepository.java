package org.resultsflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class DocumentRepository implements PanacheRepositoryBase<IngestedDocument, String> {

    public Uni<List<IngestedDocument>> listNewestFirst(int pageIndex, int pageSize) {
        return findAll(Sort.descending("receivedAt").and("id")).page(Page.of(pageIndex, pageSize)).list();
    }
}
