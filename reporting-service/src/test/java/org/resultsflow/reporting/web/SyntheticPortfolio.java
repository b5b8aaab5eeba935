package org.resultsflow.reporting.web;

import org.resultsflow.reporting.Tables;

/**
 * A portfolio of many offices written straight into the read models, for the pages at scale: per office a number
 * of outcomes, each with four indicators (baseline 0 in 2019, milestones 40, 60, 80 in 2021-2023, target 120 in
 * 2025, results spread by a fixed hash of their position) and an outcome budget per year, some over-spent.
 * Offices are {@code ZQAA}, {@code ZQAB}, …, which no other test uses.
 */
final class SyntheticPortfolio {

    private static final String PREFIX = "ZQ";

    private SyntheticPortfolio() {
    }

    static String office(int i) {
        return PREFIX + (char) ('A' + i / 26) + (char) ('A' + i % 26);
    }

    /** The code of outcome k (from 1) of office i. */
    static String outcome(int i, int k) {
        return office(i) + "_D_" + k + ".1";
    }

    static void write(int offices, int outcomesEach) {
        remove();
        String base = "WITH o AS (SELECT i, k, '" + PREFIX + "' || chr(65 + i / 26) || chr(65 + i % 26) AS office,"
                + " '" + PREFIX + "' || chr(65 + i / 26) || chr(65 + i % 26) || '_D_' || k || '.1' AS code"
                + " FROM generate_series(0, " + (offices - 1) + ") AS i, generate_series(1, " + outcomesEach + ") AS k)";
        Tables.execute(base + " INSERT INTO report_outcome (id, code, office, plan_period, statement, version, updated_at)"
                + " SELECT 'XM-DAC-41146-' || code, code, office, '2020-2025',"
                + " 'Synthetic outcome ' || k || ' of office ' || office, 1, now() FROM o");
        String indicators = base + ", x AS (SELECT o.*, j, y, 20 * (y - 2019) AS milestone,"
                + " (i * 31 + k * 17 + j * 13 + y * 7) % 100 AS h FROM o, generate_series(1, 4) AS j,"
                + " unnest(ARRAY[2021, 2022, 2023, 2025]) AS y)";
        Tables.execute(indicators + " INSERT INTO report_attainment (indicator_id, year, sequence, indicator_code, statement,"
                + " outcome_id, output_code, office, result_raw, result_type, result_value, expected_kind, expected_raw,"
                + " expected_type, expected_value, ratio, status, reason, direction, direction_rule)"
                + " SELECT code || '.1::' || code || '.1' || chr(64 + j), y, 1, code || '.1' || chr(64 + j),"
                + " 'Synthetic indicator ' || j || ' of ' || code, 'XM-DAC-41146-' || code, code || '.1', office,"
                + " CASE WHEN y < 2025 THEN h::text END, CASE WHEN y < 2025 THEN 'NUMBER' END, CASE WHEN y < 2025 THEN h END,"
                + " CASE WHEN y = 2025 THEN 'TARGET' ELSE 'MILESTONE' END, milestone::text, 'NUMBER', milestone,"
                + " CASE WHEN y < 2025 THEN round(h::numeric / milestone, 6) END,"
                + " CASE WHEN y = 2025 THEN 'NOT_ASSESSABLE' WHEN h >= milestone THEN 'MET'"
                + " WHEN h >= milestone / 2.0 THEN 'PARTIAL' ELSE 'NOT_MET' END,"
                + " CASE WHEN y = 2025 THEN 'NO_RESULT' END, 'INCREASING', 'TARGET' FROM x");
        Tables.execute(indicators + ", p AS (SELECT x.*, LEAST(h / 120.0, 1) AS progress, (y - 2019) / 6.0 AS expected"
                + " FROM x WHERE y < 2025)"
                + " INSERT INTO report_progress (indicator_id, year, sequence, indicator_code, statement, outcome_id,"
                + " output_code, office, direction, direction_rule, baseline_raw, baseline_value, baseline_year, target_raw,"
                + " target_value, target_year, result_raw, result_value, progress, expected_progress, pace, status, reason)"
                + " SELECT code || '.1::' || code || '.1' || chr(64 + j), y, 1, code || '.1' || chr(64 + j),"
                + " 'Synthetic indicator ' || j || ' of ' || code, 'XM-DAC-41146-' || code, code || '.1', office,"
                + " 'INCREASING', 'TARGET', '0', 0, 2019, '120', 120, 2025, h::text, h, round(progress, 6), round(expected, 6),"
                + " round(progress / expected, 6), CASE WHEN progress / expected >= 0.8 THEN 'ON_TRACK'"
                + " WHEN progress / expected >= 0.6 THEN 'AT_RISK' ELSE 'OFF_TRACK' END, NULL FROM p");
        Tables.execute(base + ", b AS (SELECT o.*, y, (i * 7 + k * 11 + y) % 50 AS h FROM o, generate_series(2021, 2023) AS y),"
                + " m AS (SELECT b.*, 100000 + h * 1000 AS planned, 50000 + h * 900 AS actual,"
                + " round((50000 + h * 900) * (0.7 + (h % 40) / 100.0)) AS expenses FROM b)"
                + " INSERT INTO report_budget (id, entity_id, entity_type, outcome_id, office, reporting_year, planned_usd,"
                + " actual_usd, expenses_usd, funding_rate, delivery_rate, computed_shortfall, over_spend, version, updated_at)"
                + " SELECT 'XM-DAC-41146-' || code || '/' || y, 'XM-DAC-41146-' || code, 'OUTCOME', 'XM-DAC-41146-' || code,"
                + " office, y, planned, actual, expenses, round(actual::numeric / planned, 6), round(expenses / actual, 6),"
                + " planned - actual, expenses > actual, 1, now() FROM m");
    }

    static void remove() {
        for (String table : new String[] {"report_attainment", "report_progress", "report_budget", "report_outcome"}) {
            Tables.execute("DELETE FROM " + table + " WHERE office LIKE '" + PREFIX + "%'");
        }
    }
}
