package org.resultsflow.reporting.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class ReportOutcomeRepository implements PanacheRepositoryBase<ReportOutcome, String> {

    public Uni<List<ReportOutcome>> list(String office, Page page) {
        return (office == null ? findAll(Sort.by("id")) : find("office", Sort.by("id"), office)).page(page).list();
    }
}
