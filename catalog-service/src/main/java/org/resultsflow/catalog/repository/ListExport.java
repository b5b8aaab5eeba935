package org.resultsflow.catalog.repository;

import static org.resultsflow.catalog.repository.StateColumns.decimal;
import static org.resultsflow.catalog.repository.StateColumns.integer;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.resultsflow.catalog.mapping.Fields;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * The catalog's lists without a page: every outcome, indicator, budget and document the paged lists give, one row
 * each, with their filters and in their order (by id), streamed from a PostgreSQL cursor so that memory does not
 * grow with the catalog. The order is that of a unique key, so an export that broke off resumes after the id of
 * the last row received. (Conflicts, one row per observation, are with the observations: {@link ObservationExport}.)
 */
@ApplicationScoped
public class ListExport {

    /** The key of an outcome, indicator or budget row: the record's id, the order of the paged lists. */
    public static final List<String> RECORD_KEY = List.of("r.record_id");
    /** The key of a document row: its id. */
    public static final List<String> DOCUMENT_KEY = List.of("d.id");

    private static final String RECORDS = " from canonical_record r";

    private static final String OUTCOMES = "select r.record_id, r.state ->> 'code' as code, r.office,"
            + " r.state ->> 'planPeriod' as plan_period, r.state ->> 'statement' as statement,"
            + " r.state ->> 'description' as description,"
            + " " + StateColumns.strings("r.state -> 'sdgAlignment'") + " as sdg_alignment,"
            + " " + StateColumns.strings("r.state -> 'impactAreas'") + " as impact_areas,"
            + " " + StateColumns.strings("r.state -> 'unSystemFunctions'") + " as un_system_functions,"
            + " r.state ->> 'policyMarker' as policy_marker, r.state ->> 'humanitarianScope' as humanitarian_scope,"
            + " " + StateColumns.count("r.state -> 'outputs'") + " as outputs,"
            + " " + StateColumns.count("r.state -> 'progressNotes'") + " as progress_notes,"
            + " " + StateColumns.provenance("r.state -> 'provenance' -> '" + Fields.STATEMENT + "'", "") + RECORDS;

    private static final String INDICATORS = "select r.record_id, r.state ->> 'code' as code,"
            + " r.state ->> 'statement' as statement, r.state ->> 'normalisedStatement' as normalised_statement,"
            + " r.outcome_id, r.state ->> 'outputCode' as output_code, r.parent_id, r.office,"
            + " r.state ->> 'measure' as measure, r.state ->> 'ascending' as ascending,"
            + " " + StateColumns.strings("r.state -> 'tags'") + " as tags,"
            + " " + StateColumns.strings("r.state -> 'aliases'") + " as aliases,"
            + " " + StateColumns.count("r.state -> 'observations'") + " as observations, r.conflicts,"
            + " " + StateColumns.provenance("r.state -> 'provenance' -> '" + Fields.STATEMENT + "'", "") + RECORDS;

    /** The six amounts of a budget, by their field in the state; the columns are named after them in lower case. */
    private static final List<String> AMOUNTS = List.of(Fields.PLANNED, Fields.ACTUAL, Fields.EXPENSES,
            Fields.STATED_SHORTFALL, Fields.CORE, Fields.NON_CORE);

    private static final String BUDGETS = "select r.record_id, r.state ->> 'entityId' as entity_id,"
            + " r.state ->> 'entityType' as entity_type, r.outcome_id, r.office,"
            + " r.state ->> 'reportingYear' as reporting_year, " + String.join(", ", AMOUNTS.stream().map(ListExport::money).toList())
            + ", " + StateColumns.count("r.state -> 'flows'") + " as flows, "
            + StateColumns.count("r.state -> 'conflicts'") + " as conflicts" + RECORDS;

    private static final String DOCUMENTS = "select d.id, d.name, d.media_type, d.layout, d.as_of, d.as_of_basis, d.source,"
            + " d.first_seen_at, (select count(*) from claim c where c.document_id = d.id) as claims"
            + " from source_document d";

    private final Pool pool;

    public ListExport(Pool pool) {
        this.pool = pool;
    }

    /** The outcomes of an office and plan period (each when given), as {@code /api/outcomes} lists them. */
    public Multi<OutcomeRow> outcomes(String office, String planPeriod, ResumeKey after) {
        return records(OUTCOMES, RecordType.OUTCOME).eq("r.office", office).eq("r.plan_period", planPeriod)
                .after(RECORD_KEY, after).stream(pool, RECORD_KEY, ListExport::outcome);
    }

    /** The indicators of an office and outcome (each when given), as {@code /api/indicators} lists them. */
    public Multi<IndicatorRow> indicators(String office, String outcomeId, ResumeKey after) {
        return records(INDICATORS, RecordType.INDICATOR).eq("r.office", office)
                .eq("r.outcome_id", outcomeId).after(RECORD_KEY, after).stream(pool, RECORD_KEY, ListExport::indicator);
    }

    /** The budgets of an office and outcome (each when given), as {@code /api/budgets} lists them. */
    public Multi<BudgetRow> budgets(String office, String outcomeId, ResumeKey after) {
        return records(BUDGETS, RecordType.BUDGET).eq("r.office", office).eq("r.outcome_id", outcomeId)
                .after(RECORD_KEY, after).stream(pool, RECORD_KEY, ListExport::budget);
    }

    /** Every document, as {@code /api/documents} lists them. */
    public Multi<DocumentRow> documents(ResumeKey after) {
        return new CursorQuery(DOCUMENTS).after(DOCUMENT_KEY, after).stream(pool, DOCUMENT_KEY, ListExport::document);
    }

    /** Canonical records of a type, redirects of merged indicators left out, as the paged lists take them. */
    private static CursorQuery records(String select, RecordType type) {
        return new CursorQuery(select).eq("r.record_type", type.value()).condition("r.merged_into is null");
    }

    /** The eight columns of one amount of a budget state. */
    private static String money(String field) {
        String json = "r.state -> '" + field + "'";
        String p = field.toLowerCase() + "_";
        return json + " ->> 'raw' as " + p + "raw, " + json + " ->> 'usd' as " + p + "usd, "
                + json + " ->> 'currency' as " + p + "currency, " + json + " ->> 'amount' as " + p + "amount, "
                + json + " ->> 'valueDate' as " + p + "value_date, " + json + " -> 'provenance' ->> 'documentId' as " + p
                + "document_id, " + json + " -> 'provenance' -> 'lines' ->> 'first' as " + p + "first_line, "
                + json + " -> 'provenance' -> 'lines' ->> 'last' as " + p + "last_line";
    }

    private static OutcomeRow outcome(Row row) {
        return new OutcomeRow(row.getString("record_id"), row.getString("code"), row.getString("office"),
                row.getString("plan_period"), row.getString("statement"), row.getString("description"),
                StateColumns.strings(row, "sdg_alignment"), StateColumns.strings(row, "impact_areas"),
                StateColumns.strings(row, "un_system_functions"), row.getString("policy_marker"),
                row.getString("humanitarian_scope"), row.getInteger("outputs"), row.getInteger("progress_notes"),
                row.getString("document_id"), row.getString("document_name"), row.getString("source"),
                integer(row, "first_line"), integer(row, "last_line"), row.getString("as_of"), row.getString("as_of_basis"));
    }

    private static IndicatorRow indicator(Row row) {
        return new IndicatorRow(row.getString("record_id"), row.getString("code"), row.getString("statement"),
                row.getString("normalised_statement"), row.getString("outcome_id"), row.getString("output_code"),
                row.getString("parent_id"), row.getString("office"), row.getString("measure"),
                StateColumns.bool(row, "ascending"), StateColumns.strings(row, "tags"), StateColumns.strings(row, "aliases"),
                row.getInteger("observations"), row.getInteger("conflicts"), row.getString("document_id"),
                row.getString("document_name"), row.getString("source"), integer(row, "first_line"),
                integer(row, "last_line"), row.getString("as_of"), row.getString("as_of_basis"));
    }

    private static BudgetRow budget(Row row) {
        return new BudgetRow(row.getString("record_id"), row.getString("entity_id"), row.getString("entity_type"),
                row.getString("outcome_id"), row.getString("office"), integer(row, "reporting_year"),
                row.getString("planned_raw"), decimal(row, "planned_usd"), row.getString("planned_currency"),
                decimal(row, "planned_amount"), row.getString("planned_value_date"), row.getString("planned_document_id"),
                integer(row, "planned_first_line"), integer(row, "planned_last_line"),
                row.getString("actual_raw"), decimal(row, "actual_usd"), row.getString("actual_currency"),
                decimal(row, "actual_amount"), row.getString("actual_value_date"), row.getString("actual_document_id"),
                integer(row, "actual_first_line"), integer(row, "actual_last_line"),
                row.getString("expenses_raw"), decimal(row, "expenses_usd"), row.getString("expenses_currency"),
                decimal(row, "expenses_amount"), row.getString("expenses_value_date"), row.getString("expenses_document_id"),
                integer(row, "expenses_first_line"), integer(row, "expenses_last_line"),
                row.getString("statedshortfall_raw"), decimal(row, "statedshortfall_usd"), row.getString("statedshortfall_currency"),
                decimal(row, "statedshortfall_amount"), row.getString("statedshortfall_value_date"), row.getString("statedshortfall_document_id"),
                integer(row, "statedshortfall_first_line"), integer(row, "statedshortfall_last_line"),
                row.getString("core_raw"), decimal(row, "core_usd"), row.getString("core_currency"),
                decimal(row, "core_amount"), row.getString("core_value_date"), row.getString("core_document_id"),
                integer(row, "core_first_line"), integer(row, "core_last_line"),
                row.getString("noncore_raw"), decimal(row, "noncore_usd"), row.getString("noncore_currency"),
                decimal(row, "noncore_amount"), row.getString("noncore_value_date"), row.getString("noncore_document_id"),
                integer(row, "noncore_first_line"), integer(row, "noncore_last_line"),
                row.getInteger("flows"), row.getInteger("conflicts"));
    }

    private static DocumentRow document(Row row) {
        return new DocumentRow(row.getString("id"), row.getString("name"), row.getString("media_type"),
                row.getString("layout"), row.getLocalDate("as_of"), row.getString("as_of_basis"), row.getString("source"),
                row.getOffsetDateTime("first_seen_at").toInstant(), row.getLong("claims"));
    }
}
