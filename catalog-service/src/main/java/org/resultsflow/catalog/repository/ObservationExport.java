package org.resultsflow.catalog.repository;

import static org.resultsflow.catalog.repository.StateColumns.decimal;
import static org.resultsflow.catalog.repository.StateColumns.integer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * Every canonical observation of the catalog, one row each, streamed from a PostgreSQL cursor over the
 * observations of the indicator states (redirects of merged indicators left out): memory does not grow with their
 * number. Rows come in indicator id order and, within an indicator, in the order of its observations, so an export
 * that broke off resumes after the indicator id and position of the last row received. The observations with
 * conflicting values ({@code /api/conflicts}) are exported from the same rows, with the values that conflict.
 */
@ApplicationScoped
public class ObservationExport {

    /** The key of a row, in sort order. */
    public static final List<String> KEY = List.of("r.record_id", "o.position");

    /** Each observation {@code o} of each indicator state {@code r}, with its place among the indicator's. */
    private static final String OBSERVATIONS = " from canonical_record r cross join lateral jsonb_array_elements(case"
            + " when jsonb_typeof(r.state -> 'observations') = 'array' then r.state -> 'observations' else '[]'::jsonb end)"
            + " with ordinality as o(observation, position)";

    /** The observation's value and where it came from. */
    private static final String VALUE = " o.observation -> 'value' ->> 'raw' as raw,"
            + " o.observation -> 'value' ->> 'printed' as printed, o.observation -> 'value' ->> 'number' as number,"
            + " o.observation -> 'value' ->> 'type' as value_type, "
            + StateColumns.provenance("o.observation -> 'provenance'", "");

    private static final String ROWS = "select r.record_id, o.position, r.state ->> 'code' as code,"
            + " r.state ->> 'statement' as statement, r.outcome_id, r.state ->> 'outputCode' as output_code, r.office,"
            + " o.observation ->> 'kind' as kind, o.observation ->> 'year' as year, o.observation ->> 'sequence' as sequence,"
            + " o.observation ->> 'periodStart' as period_start, o.observation ->> 'periodEnd' as period_end,"
            + " case when jsonb_typeof(o.observation -> 'dimensions') = 'array'"
            + " and jsonb_array_length(o.observation -> 'dimensions') > 0 then (o.observation -> 'dimensions')::text end as dimensions,"
            + VALUE + ", r.state ->> 'measure' as measure, "
            + StateColumns.count("o.observation -> 'conflicts'") + " as conflicts" + OBSERVATIONS;

    private static final String CONFLICTS = "select r.record_id, o.position, r.state ->> 'code' as code,"
            + " r.state ->> 'outcomeId' as outcome_id, r.state ->> 'parentId' as parent_id, r.office,"
            + " o.observation ->> 'year' as year, o.observation ->> 'kind' as kind, o.observation ->> 'sequence' as sequence,"
            + VALUE + ", (o.observation -> 'conflicts')::text as other_values" + OBSERVATIONS;

    private final Pool pool;
    private final ObjectMapper json;

    public ObservationExport(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The observations of an office and outcome (each when given), after {@code after} when given. */
    public Multi<ObservationRow> observations(String office, String outcomeId, ResumeKey after) {
        return indicators(ROWS, office, outcomeId, after).condition("r.merged_into is null")
                .stream(pool, KEY, ObservationExport::row);
    }

    /**
     * The observations with conflicting known values of an office and outcome (each when given), those
     * {@code /api/conflicts} lists, after {@code after} when given.
     */
    public Multi<ConflictRow> conflicts(String office, String outcomeId, ResumeKey after) {
        return indicators(CONFLICTS, office, outcomeId, after).condition(CanonicalRecordRepository.CONFLICTING)
                .stream(pool, KEY, this::conflict);
    }

    private static CursorQuery indicators(String select, String office, String outcomeId, ResumeKey after) {
        // The indicator bound first, so that PostgreSQL starts from the key's indicator in the primary key.
        return new CursorQuery(select).eq("r.record_type", RecordType.INDICATOR.value()).eq("r.office", office)
                .eq("r.outcome_id", outcomeId).atLeast("r.record_id", after == null ? null : after.values().get(0))
                .after(KEY, after);
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

    private ConflictRow conflict(Row row) {
        List<ConflictRow.OtherValue> others = otherValues(row.getString("other_values"));
        return new ConflictRow(row.getString("record_id"), row.getLong("position"), row.getString("code"),
                row.getString("outcome_id"), row.getString("parent_id"), row.getString("office"), integer(row, "year"),
                row.getString("kind"), integer(row, "sequence"), row.getString("raw"), row.getString("printed"),
                decimal(row, "number"), row.getString("value_type"), row.getString("document_id"),
                row.getString("document_name"), row.getString("source"), integer(row, "first_line"),
                integer(row, "last_line"), row.getString("as_of"), row.getString("as_of_basis"), others.size(), others);
    }

    /**
     * The other values as the state holds them, read as JSON rather than as the contract's types: a row is text and
     * numbers, and a value the contract would refuse (an as-of basis of a later version) must not end an export.
     */
    private List<ConflictRow.OtherValue> otherValues(String text) {
        try {
            List<ConflictRow.OtherValue> others = new ArrayList<>();
            for (JsonNode other : json.readTree(text)) {
                others.add(new ConflictRow.OtherValue(text(other.at("/value/raw")),
                        other.at("/value/number").isNumber() ? other.at("/value/number").decimalValue() : null,
                        text(other.at("/value/type")), text(other.at("/provenance/documentId")),
                        text(other.at("/provenance/documentName")), number(other.at("/provenance/lines/first")),
                        number(other.at("/provenance/lines/last")), text(other.at("/provenance/asOf"))));
            }
            return others;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the conflicts of a canonical observation are unreadable", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    private static Integer number(JsonNode node) {
        return node.isNumber() ? node.intValue() : null;
    }
}
