package org.resultsflow.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.resultsflow.catalog.mapping.ClaimMapper;

@ApplicationScoped
@WithSession
public class CanonicalRecordRepository implements PanacheRepositoryBase<CanonicalRecord, CanonicalRecord.Key> {

    public Uni<CanonicalRecord> find(String recordType, String recordId) {
        return findById(new CanonicalRecord.Key(recordType, recordId));
    }

    /** Records of a type, optionally filtered by office and plan period, in id order. */
    public Uni<List<CanonicalRecord>> list(String recordType, String office, String planPeriod, Page page) {
        StringBuilder query = new StringBuilder("key.recordType = :type and mergedInto is null");
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

    /** Records of a type belonging to one outcome (its indicators, budgets), redirects excluded, in id order. */
    public Uni<List<CanonicalRecord>> ofOutcome(String recordType, String outcomeId) {
        return list("key.recordType = :type and outcomeId = :outcome and mergedInto is null order by key.recordId",
                Parameters.with("type", recordType).and("outcome", outcomeId));
    }

    /** Records with an outcome filter and paging (indicators, budgets). */
    public Uni<List<CanonicalRecord>> page(String recordType, String office, String outcomeId, Page page) {
        StringBuilder query = new StringBuilder("key.recordType = :type and mergedInto is null");
        Parameters parameters = Parameters.with("type", recordType);
        if (office != null) {
            query.append(" and office = :office");
            parameters.and("office", office);
        }
        if (outcomeId != null) {
            query.append(" and outcomeId = :outcome");
            parameters.and("outcome", outcomeId);
        }
        return find(query.append(" order by key.recordId").toString(), parameters).page(page).list();
    }

    /** Indicators some of whose observations have conflicting known values, in id order. */
    public Uni<List<CanonicalRecord>> withConflicts(String office, String outcomeId) {
        StringBuilder query = new StringBuilder("key.recordType = :type and conflicts > 0");
        Parameters parameters = Parameters.with("type", ClaimMapper.INDICATOR);
        if (office != null) {
            query.append(" and office = :office");
            parameters.and("office", office);
        }
        if (outcomeId != null) {
            query.append(" and outcomeId = :outcome");
            parameters.and("outcome", outcomeId);
        }
        return list(query.append(" order by key.recordId").toString(), parameters);
    }

    /**
     * The stored records of these merge groups: indicators by parent (a group holds every indicator and
     * merged-into key of one parent), every other type by id.
     */
    public Uni<List<CanonicalRecord>> ofGroups(String groupType, Collection<String> groupIds) {
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String by = ClaimMapper.INDICATOR.equals(groupType) ? "parentId" : "key.recordId";
        return list("key.recordType = :type and " + by + " in :ids", Parameters.with("type", groupType).and("ids", groupIds));
    }
}
