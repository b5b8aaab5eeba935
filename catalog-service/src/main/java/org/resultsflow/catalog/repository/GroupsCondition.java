package org.resultsflow.catalog.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.resultsflow.catalog.mapping.RecordType;

/**
 * The condition that selects the merge groups of several record types in one query, a term per type: a batch
 * touches groups of three or four types, and a query per type cost a round trip each.
 */
final class GroupsCondition {

    private final List<Map.Entry<RecordType, ? extends Collection<String>>> types;

    GroupsCondition(Map<RecordType, ? extends Collection<String>> groups) {
        this.types = groups.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .<Map.Entry<RecordType, ? extends Collection<String>>>map(e -> e).toList();
    }

    boolean isEmpty() {
        return types.isEmpty();
    }

    /** The HQL condition, {@code idOf} naming the attribute that holds the group id of each type. */
    String hql(String typeAttribute, Function<RecordType, String> idOf) {
        StringJoiner where = new StringJoiner(" or ");
        for (int i = 0; i < types.size(); i++) {
            where.add("(" + typeAttribute + " = :type" + i + " and " + idOf.apply(types.get(i).getKey()) + " in :ids" + i + ")");
        }
        return where.toString();
    }

    <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query) {
        for (int i = 0; i < types.size(); i++) {
            query.setParameter("type" + i, types.get(i).getKey().value()).setParameter("ids" + i, types.get(i).getValue());
        }
        return query;
    }
}
