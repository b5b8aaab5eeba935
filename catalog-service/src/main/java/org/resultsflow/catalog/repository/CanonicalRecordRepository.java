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

    /** Records of a type (redirects excluded), filtered by whichever of office, plan period and outcome are given. */
    public Uni<List<CanonicalRecord>> list(String recordType, String office, String planPeriod, String outcomeId,
            Page page) {
        return find(filtered("key.recordType = :type and mergedInto is null", office, planPeriod, outcomeId),
                parameters(recordType, office, planPeriod, outcomeId)).page(page).list();
    }

    /** Records of a type belonging to one outcome (its indicators, budgets), redirects excluded, in id order. */
    public Uni<List<CanonicalRecord>> ofOutcome(String recordType, String outcomeId) {
        return list("key.recordType = :type and outcomeId = :outcome and mergedInto is null order by key.recordId",
                Parameters.with("type", recordType).and("outcome", outcomeId));
    }

    /** Indicators some of whose observations have conflicting known values, in id order. */
    public Uni<List<CanonicalRecord>> withConflicts(String office, String outcomeId) {
        return list(filtered("key.recordType = :type and conflicts > 0", office, null, outcomeId),
                parameters(ClaimMapper.INDICATOR, office, null, outcomeId));
    }

    private static String filtered(String base, String office, String planPeriod, String outcomeId) {
        StringBuilder query = new StringBuilder(base);
        if (office != null) {
            query.append(" and office = :office");
        }
        if (planPeriod != null) {
            query.append(" and planPeriod = :period");
        }
        if (outcomeId != null) {
            query.append(" and outcomeId = :outcome");
        }
        return query.append(" order by key.recordId").toString();
    }

    private static Parameters parameters(String recordType, String office, String planPeriod, String outcomeId) {
        Parameters parameters = Parameters.with("type", recordType);
        if (office != null) {
            parameters.and("office", office);
        }
        if (planPeriod != null) {
            parameters.and("period", planPeriod);
        }
        if (outcomeId != null) {
            parameters.and("outcome", outcomeId);
        }
        return parameters;
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
