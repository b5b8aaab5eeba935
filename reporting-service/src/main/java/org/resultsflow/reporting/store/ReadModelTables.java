package org.resultsflow.reporting.store;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The tables of the read models with their columns, each spelled once here: the writer's statements are made
 * from them, and the rebuild replaces each of them. The processed-event table is not among them; it records what
 * the live consumer has seen, not a read model.
 */
public final class ReadModelTables {

    /**
     * A read-model table.
     *
     * @param key the columns of its primary key: the conflict target of an upsert, and the order of a full dump
     * @param columns every column, in the order in which the writer gives the values
     */
    public record Table(String name, List<String> key, List<String> columns) {

        /** The table in the given schema; the live one (found through the search path) when schema is null. */
        public String in(String schema) {
            return schema == null ? name : schema + "." + name;
        }

        /** The columns that order a full dump of the table. */
        public String order() {
            return String.join(", ", key);
        }

        String insert(String schema) {
            return "INSERT INTO " + in(schema) + " (" + String.join(", ", columns) + ") VALUES ("
                    + IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "$" + i).collect(Collectors.joining(", "))
                    + ")";
        }

        /** Inserts a row or replaces every other column of the row with the same key. */
        String upsert(String schema) {
            return insert(schema) + " ON CONFLICT (" + order() + ") DO UPDATE SET " + columns.stream()
                    .filter(column -> !key.contains(column))
                    .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
        }
    }

    static final Table OUTCOME = new Table("report_outcome", List.of("id"),
            List.of("id", "code", "office", "plan_period", "statement", "version", "updated_at"));
    static final Table PROGRESS_NOTE = new Table("report_progress_note", List.of("outcome_id", "entry"),
            List.of("outcome_id", "entry", "year", "year_basis", "sequence", "status", "first_sentence", "text", "partial",
                    "output_code", "output_statement", "document_id", "document_name"));
    static final Table INDICATOR = new Table("report_indicator", List.of("id"),
            List.of("id", "code", "statement", "outcome_id", "output_code", "office", "version", "updated_at",
                    "merged_into"));
    static final Table ATTAINMENT = new Table("report_attainment", List.of("indicator_id", "year", "sequence"),
            List.of("indicator_id", "year", "sequence", "indicator_code", "statement", "outcome_id", "output_code",
                    "office", "result_raw", "result_type", "result_value", "expected_kind", "expected_raw",
                    "expected_type", "expected_value", "ratio", "status", "reason", "direction", "direction_rule"));
    static final Table PROGRESS = new Table("report_progress", List.of("indicator_id", "year", "sequence"),
            List.of("indicator_id", "year", "sequence", "indicator_code", "statement", "outcome_id", "output_code",
                    "office", "direction", "direction_rule", "baseline_raw", "baseline_value", "baseline_year",
                    "target_raw", "target_value", "target_year", "result_raw", "result_value", "progress",
                    "expected_progress", "pace", "status", "reason"));
    static final Table BUDGET = new Table("report_budget", List.of("id"),
            List.of("id", "entity_id", "entity_type", "outcome_id", "office", "reporting_year", "planned_usd",
                    "planned_shown", "actual_usd", "actual_shown", "expenses_usd", "expenses_shown", "funding_rate",
                    "delivery_rate", "computed_shortfall", "stated_shortfall_usd", "stated_shortfall_shown",
                    "shortfall_tolerance", "shortfall_mismatch", "over_spend", "document_id", "document_name", "version",
                    "updated_at", "planned_amount", "planned_currency", "expenses_amount", "expenses_currency",
                    "utilisation_rate", "utilisation_reason"));
    static final Table FUNDING = new Table("report_funding", List.of("outcome_id"),
            List.of("outcome_id", "office", "version", "updated_at"));
    static final Table FUNDING_CONTRIBUTION = new Table("report_funding_contribution",
            List.of("outcome_id", "partner", "year", "sequence"),
            List.of("outcome_id", "partner", "year", "sequence", "office", "total_usd", "total_shown", "development_usd",
                    "humanitarian_usd", "partner_type", "development_share", "humanitarian_share", "total_amount",
                    "total_currency", "total_value_date"));

    /** Parents before children. */
    public static final List<Table> ALL = List.of(OUTCOME, PROGRESS_NOTE, INDICATOR, ATTAINMENT, PROGRESS, BUDGET, FUNDING,
            FUNDING_CONTRIBUTION);

    private ReadModelTables() {
    }
}
