package org.resultsflow.reporting.store;

import java.util.List;

/**
 * The tables of the read models, parents before children: everything the rebuild replaces. The
 * processed-event table is not among them; it records what the live consumer has seen, not a read model.
 */
public final class ReadModelTables {

    public static final List<String> ALL = List.of(
            "report_outcome", "report_progress_note",
            "report_indicator", "report_attainment",
            "report_budget",
            "report_funding", "report_funding_contribution");

    /** For each table, the columns that order a full dump of it. */
    public static final java.util.Map<String, String> ORDER = java.util.Map.of(
            "report_outcome", "id",
            "report_progress_note", "outcome_id, entry",
            "report_indicator", "id",
            "report_attainment", "indicator_id, year, sequence",
            "report_budget", "id",
            "report_funding", "outcome_id",
            "report_funding_contribution", "outcome_id, partner, year");

    private ReadModelTables() {
    }

    /** The table in the given schema; the live one (found through the search path) when schema is null. */
    public static String in(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }
}
