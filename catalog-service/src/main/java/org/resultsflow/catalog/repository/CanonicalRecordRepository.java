package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;
import org.resultsflow.catalog.mapping.RecordType;

@ApplicationScoped
@WithSession
public class CanonicalRecordRepository implements PanacheRepositoryBase<CanonicalRecord, CanonicalRecord.Key> {

    public Uni<CanonicalRecord> find(RecordType recordType, String recordId) {
        return findById(new CanonicalRecord.Key(recordType.value(), recordId));
    }

    /** Records of a type (redirects excluded), filtered by whichever of office, plan period and outcome are given. */
    public Uni<List<CanonicalRecord>> list(RecordType recordType, String office, String planPeriod, String outcomeId,
            Page page) {
        return find(filtered("key.recordType = :type and mergedInto is null", office, planPeriod, outcomeId)
                        + " order by key.recordId", parameters(recordType, office, planPeriod, outcomeId)).page(page).list();
    }

    /** How many records {@link #list} finds over all pages. */
    public Uni<Long> count(RecordType recordType, String office, String planPeriod, String outcomeId) {
        return count(filtered("key.recordType = :type and mergedInto is null", office, planPeriod, outcomeId),
                parameters(recordType, office, planPeriod, outcomeId));
    }

    /**
     * The ids of the indicators (redirects excluded) whose canonical code is this one, in id order: one code may
     * be shown under several outputs (a strategic-plan code reused by each).
     */
    public Uni<List<String>> indicatorsWithCode(String code) {
        return getSession().chain(session -> session.createNativeQuery("select record_id from canonical_record "
                        + "where record_type = :type and merged_into is null and state ->> 'code' = :code order by record_id",
                        String.class)
                .setParameter("type", RecordType.INDICATOR.value()).setParameter("code", code).getResultList());
    }

    /** Records of a type belonging to one outcome (its indicators, budgets), redirects excluded, in id order. */
    public Uni<List<CanonicalRecord>> ofOutcome(RecordType recordType, String outcomeId) {
        return list("key.recordType = :type and outcomeId = :outcome and mergedInto is null order by key.recordId",
                Parameters.with("type", recordType.value()).and("outcome", outcomeId));
    }

    /**
     * Whether observation {@code o} of indicator {@code r} is a conflict: documents gave it different known values.
     * One condition for the paged list and its export, so that the two hold the same observations.
     */
    static final String CONFLICTING = "r.conflicts > 0 and jsonb_array_length(o.observation -> 'conflicts') > 0";

    /** An observation whose documents gave different known values, with the indicator it belongs to. */
    public record ConflictingObservation(String indicatorId, String code, String outcomeId, String parentId,
            String observation) {
    }

    /**
     * One page of the observations with conflicting known values, in indicator id order and, within an
     * indicator, in the order of its observations (year, none first, kind, sequence): paged in SQL over the
     * observations of the indicator states rather than over whole indicators in memory.
     */
    public Uni<List<ConflictingObservation>> conflicts(String office, String outcomeId, int page, int size) {
        String sql = "select r.record_id, r.state ->> 'code', r.state ->> 'outcomeId', r.state ->> 'parentId', "
                + "cast(o.observation as text)" + conflicting(office, outcomeId)
                + " order by r.record_id, o.position limit :limit offset :offset";
        return getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("limit", (long) size)
                    .setParameter("offset", (long) page * size);
            conflictParameters(query, office, outcomeId);
            return query.getResultList();
        }).map(rows -> rows.stream().map(r -> new ConflictingObservation((String) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4])).toList());
    }

    /** How many observations {@link #conflicts} finds over all pages. */
    public Uni<Long> countConflicts(String office, String outcomeId) {
        return getSession().chain(session -> {
            var query = session.createNativeQuery("select count(*)" + conflicting(office, outcomeId), Long.class);
            conflictParameters(query, office, outcomeId);
            return query.getSingleResult();
        });
    }

    /** The observations with conflicting known values, as FROM and WHERE of a query. */
    private static String conflicting(String office, String outcomeId) {
        StringBuilder sql = new StringBuilder(" from canonical_record r "
                + "cross join lateral jsonb_array_elements(r.state -> 'observations') with ordinality as o(observation, position) "
                + "where r.record_type = :type and " + CONFLICTING);
        if (office != null) {
            sql.append(" and r.office = :office");
        }
        if (outcomeId != null) {
            sql.append(" and r.outcome_id = :outcome");
        }
        return sql.toString();
    }

    private static void conflictParameters(Mutiny.SelectionQuery<?> query, String office,
            String outcomeId) {
        query.setParameter("type", RecordType.INDICATOR.value());
        if (office != null) {
            query.setParameter("office", office);
        }
        if (outcomeId != null) {
            query.setParameter("outcome", outcomeId);
        }
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
        return query.toString();
    }

    private static Parameters parameters(RecordType recordType, String office, String planPeriod, String outcomeId) {
        Parameters parameters = Parameters.with("type", recordType.value());
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

    /** A stored record's version and state, as the merge compares with them. */
    public record Stored(String recordType, String recordId, long version, JsonNode state) {
    }

    /**
     * The stored records of these merge groups: indicators by parent (a group holds every indicator and
     * merged-into key of one parent), every other type by id. Tuples, not managed entities: they are replaced by
     * {@link #upsert}, never updated through the session.
     */
    public Uni<List<Stored>> ofGroups(Map<RecordType, ? extends Collection<String>> groups) {
        GroupsCondition condition = new GroupsCondition(groups);
        if (condition.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(session -> condition.bind(session.createSelectionQuery(
                        "select r.key.recordType, r.key.recordId, r.version, r.state from CanonicalRecord r where "
                                + condition.hql("r.key.recordType", type -> type == RecordType.INDICATOR ? "r.parentId" : "r.key.recordId"),
                        Object[].class)).getResultList())
                .map(rows -> rows.stream().map(r -> new Stored((String) r[0], (String) r[1], (Long) r[2], (JsonNode) r[3]))
                        .toList());
    }

    /** Writes these records, new or changed: set-based, a statement per {@link JsonRows} chunk. */
    public Uni<Void> upsert(List<CanonicalRecord> changed) {
        return JsonRows.write(changed, (json, r) -> {
            json.writeStringField("record_type", r.key.recordType());
            json.writeStringField("record_id", r.key.recordId());
            json.writeStringField("office", r.office);
            json.writeStringField("plan_period", r.planPeriod);
            json.writeStringField("parent_id", r.parentId);
            json.writeStringField("outcome_id", r.outcomeId);
            json.writeStringField("merged_into", r.mergedInto);
            json.writeNumberField("conflicts", r.conflicts);
            json.writeNumberField("version", r.version);
            json.writeFieldName("state");
            json.writeTree(r.state);
            json.writeStringField("updated_at", r.updatedAt.toString());
        }, rows -> getSession().chain(session -> session.createNativeQuery("""
                        insert into canonical_record (record_type, record_id, office, plan_period, parent_id, outcome_id,
                            merged_into, conflicts, version, state, updated_at)
                        select record_type, record_id, office, plan_period, parent_id, outcome_id, merged_into, conflicts,
                            version, state, updated_at
                        from jsonb_to_recordset(cast(convert_from(cast(:rows as bytea), 'UTF8') as jsonb))
                            as r(record_type text, record_id text, office text,
                            plan_period text, parent_id text, outcome_id text, merged_into text, conflicts integer,
                            version bigint, state jsonb, updated_at timestamptz)
                        on conflict (record_type, record_id) do update set office = excluded.office,
                            plan_period = excluded.plan_period, parent_id = excluded.parent_id,
                            outcome_id = excluded.outcome_id, merged_into = excluded.merged_into,
                            conflicts = excluded.conflicts, version = excluded.version, state = excluded.state,
                            updated_at = excluded.updated_at""")
                .setParameter("rows", rows).executeUpdate()));
    }
}
