package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class CanonicalRecordRepository implements PanacheRepositoryBase<CanonicalRecord, CanonicalRecord.Key> {

    public Uni<CanonicalRecord> find(String recordType, String recordId) {
        return findById(new CanonicalRecord.Key(recordType, recordId));
    }

    /** Records of a type, optionally filtered by office and plan period, in id order. */
    public Uni<List<CanonicalRecord>> list(String recordType, String office, String planPeriod, Page page) {
        StringBuilder query = new StringBuilder("key.recordType = :type");
        Parameters parameters = Parameters.with("type", recordType);
        if (office != null) {
            query.append(" and office = :office");
            parameters.and("office", office);
        }
        if (planPeriod != null) {
            query.append(" and planPeriod = :period");
            parameters.and("period", planPeriod);
        }
        return find(query.append(" order by key.recordId").toString(), parameters).page(page).list();
    }
}
