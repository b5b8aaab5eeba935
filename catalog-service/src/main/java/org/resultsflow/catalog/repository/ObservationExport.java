package org.resultsflow.catalog.repository;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.contracts.export.CursorStream;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * Every canonical observation of the catalog, one row each, streamed from a PostgreSQL cursor over the
 * observations of the indicator states (redirects of merged indicators left out): memory does not grow with their
 * number. Rows come in indicator id order and, within an indicator, in the order of its observations, so an export
 * that broke off resumes after the indicator id and position of the last row received.
 */
@ApplicationScoped
public class ObservationExport {

    /** The key of a row, in sort order. */
    public static final List<String> KEY = List.of("r.record_id", "o.position");

    private static final String ROWS = "select r.record_id, o.position, r.state ->> 'code' as code,"
            + " r.state ->> 'statement' as statement, r.outcome_id, r.state ->> 'outputCode' as output_code, r.office,"
            + " o.observation ->> 'kind' as kind, o.observation ->> 'year' as year, o.observation ->> 'sequence' as sequence,"
            + " o.observation ->> 'periodStart' as period_start, o.observation ->> 'periodEnd' as period_end,"
            + " case when jsonb_typeof(o.observation -> 'dimensions') = 'array'"
            + " and jsonb_array_length(o.observation -> 'dimensions') > 0 then (o.observation -> 'dimensions')::text end as dimensions,"
            + " o.observation -> 'value' ->> 'raw' as raw, o.observation -> 'value' ->> 'printed' as printed,"
            + " o.observation -> 'value' ->> 'number' as number, o.observation -> 'value' ->> 'type' as value_type,"
            + " r.state ->> 'measure' as measure,"
            + " o.observation -> 'provenance' ->> 'documentId' as document_id,"
            + " o.observation -> 'provenance' ->> 'documentName' as document_name,"
            + " o.observation -> 'provenance' ->> 'source' as source,"
            + " o.observation -> 'provenance' -> 'lines' ->> 'first' as first_line,"
            + " o.observation -> 'provenance' -> 'lines' ->> 'last' as last_line,"
            + " o.observation -> 'provenance' ->> 'asOf' as as_of, o.observation -> 'provenance' ->> 'asOfBasis' as as_of_basis,"
            + " case when jsonb_typeof(o.observation -> 'conflicts') = 'array'"
            + " then jsonb_array_length(o.observation -> 'conflicts') else 0 end as conflicts"
            + " from canonical_record r cross join lateral jsonb_array_elements(case when jsonb_typeof(r.state -> 'observations')"
            + " = 'array' then r.state -> 'observations' else '[]'::jsonb end) with ordinality as o(observation, position)"
            + " where r.record_type = $1 and r.merged_into is null";

    private final Pool pool;

    public ObservationExport(Pool pool) {
        this.pool = pool;
    }

    /** The observations of an office and outcome (each when given), after {@code after} when given. */
    public Multi<ObservationRow> observations(String office, String outcomeId, ResumeKey after) {
        List<Object> params = new ArrayList<>(List.of(RecordType.INDICATOR.value()));
        StringBuilder sql = new StringBuilder(ROWS);
        if (office != null) {
            params.add(office);
            sql.append(" and r.office = $").append(params.size());
        }
        if (outcomeId != null) {
            params.add(outcomeId);
            sql.append(" and r.outcome_id = $").append(params.size());
        }
        if (after != null) {
            // The indicator bound first, so that PostgreSQL starts from the key's indicator in the primary key.
            params.add(after.values().get(0));
            sql.append(" and r.record_id >= $").append(params.size());
            sql.append(" and ").append(after.condition(KEY, params.size() + 1));
            params.addAll(after.values());
        }
        sql.append(" order by ").append(String.join(", ", KEY));
        return CursorStream.rows(pool, sql.toString(), Tuple.from(params), ObservationExport::row);
    }

    private static ObservationRow row(Row row) {
        return new ObservationRow(row.getString("record_id"), row.getLong("position"), row.getString("code"),
                row.getString("statement"), row.getString("outcome_id"), row.getString("output_code"), row.getString("office"),
                row.getString("kind"), integer(row, "year"), integer(row, "sequence"), row.getString("period_start"),
                row.getString("period_end"), row.getString("dimensions"), row.getString("raw"), row.getString("printed"),
                decimal(row, "number"), row.getString("value_type"), row.getString("measure"), row.getString("document_id"),
                row.getString("document_name"), row.getString("source"), integer(row, "first_line"),
                integer(row, "last_line"), row.getString("as_of"), row.getString("as_of_basis"), row.getInteger("conflicts"));
    }

    private static Integer integer(Row row, String column) {
        String text = row.getString(column);
        return text == null ? null : Integer.valueOf(text);
    }

    /** Kept as the JSON wrote it: no rounding through a double. */
    private static BigDecimal decimal(Row row, String column) {
        String text = row.getString(column);
        return text == null ? null : new BigDecimal(text);
    }
}
