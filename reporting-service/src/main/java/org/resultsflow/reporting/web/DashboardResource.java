package org.resultsflow.reporting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.web.DashboardViews.AttainmentCell;
import org.resultsflow.reporting.web.DashboardViews.AttainmentLine;
import org.resultsflow.reporting.web.DashboardViews.BudgetLine;
import org.resultsflow.reporting.web.DashboardViews.HeatRow;
import org.resultsflow.reporting.web.DashboardViews.OutcomeLink;
import org.resultsflow.reporting.web.DashboardViews.Overview;
import org.resultsflow.reporting.web.DashboardViews.OutcomePage;
import org.resultsflow.reporting.web.DashboardViews.PartnerLine;
import org.resultsflow.reporting.web.DashboardViews.TimelineEntry;

/**
 * The dashboard: server-rendered pages (Qute) whose charts draw with Chart.js served from inside the application
 * (the webjar), with the chart data embedded in the page as JSON. Readable without the charts too: every chart
 * has a table beside it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "dashboard", description = "HTML pages for people")
public class DashboardResource {

    static final String CHART_JS = "/webjars/chart.js/" + webjarVersion() + "/dist/chart.umd.js";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Overview overview);

        static native TemplateInstance outcome(OutcomePage page);
    }

    private final Pool pool;
    private final ObjectMapper json;

    public DashboardResource(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    @GET
    @Operation(summary = "The dashboard: attainment by outcome and year, budget utilisation per output, funding per year")
    public Uni<TemplateInstance> index(@Parameter(description = "Office, e.g. MEX; all when absent") @QueryParam("office") String office) {
        String filter = office == null || office.isBlank() ? null : office.strip();
        Tuple params = filter == null ? Tuple.tuple() : Tuple.of(filter);
        String where = filter == null ? "" : " WHERE office = $1";
        String and = filter == null ? " WHERE " : " WHERE office = $1 AND ";
        Uni<RowSet<Row>> attainment = pool.preparedQuery("SELECT outcome_id, year,"
                + " count(*) FILTER (WHERE status = 'MET') AS met, count(*) FILTER (WHERE status = 'PARTIAL') AS partial,"
                + " count(*) FILTER (WHERE status = 'NOT_MET') AS not_met,"
                + " count(*) FILTER (WHERE status = 'NOT_ASSESSABLE') AS not_assessable"
                + " FROM report_attainment" + where + " GROUP BY outcome_id, year ORDER BY outcome_id, year").execute(params);
        Uni<RowSet<Row>> budgets = pool.preparedQuery("SELECT entity_id, outcome_id, reporting_year, planned_usd,"
                + " actual_usd, expenses_usd, funding_rate, delivery_rate, computed_shortfall, stated_shortfall_usd,"
                + " shortfall_mismatch, over_spend FROM report_budget" + and + "entity_type = 'OUTPUT'"
                + " ORDER BY reporting_year DESC, entity_id").execute(params);
        Uni<RowSet<Row>> funding = pool.preparedQuery("SELECT partner, year, sum(total_usd) AS total"
                + " FROM report_funding_contribution" + where + " GROUP BY partner, year ORDER BY partner, year").execute(params);
        Uni<RowSet<Row>> outcomes = pool.preparedQuery("SELECT id, code, office, statement FROM report_outcome" + where
                + " ORDER BY id").execute(params);
        return Uni.combine().all().unis(attainment, budgets, funding, outcomes).asTuple().map(rows -> {
            Map<String, String> statements = new LinkedHashMap<>();
            List<OutcomeLink> links = new ArrayList<>();
            rows.getItem4().forEach(r -> {
                statements.put(r.getString("id"), r.getString("statement"));
                links.add(new OutcomeLink(r.getString("id"), code(r.getString("id"), r.getString("code")),
                        r.getString("office"), r.getString("statement")));
            });
            Map<String, Object> charts = new LinkedHashMap<>();
            List<HeatRow> heat = heatMap(rows.getItem1(), statements, charts);
            List<BudgetLine> budgetLines = budgets(rows.getItem2(), charts);
            List<PartnerLine> partners = funding(rows.getItem3(), charts);
            return Templates.index(new Overview(filter, CHART_JS, heat, heatYears(rows.getItem1()), budgetLines, partners,
                    links, script(charts)));
        });
    }

    @GET
    @Path("/outcomes/{id}")
    @Operation(summary = "An outcome: its progress timeline, milestone attainment and budgets")
    public Uni<TemplateInstance> outcome(@Parameter(description = "Outcome id or code") @PathParam("id") String id) {
        String match = " WHERE id = $1 OR right(id, length($1) + 1) = '-' || $1";
        return pool.preparedQuery("SELECT id, code, office, plan_period, statement FROM report_outcome" + match
                        + " ORDER BY id LIMIT 1").execute(Tuple.of(id.strip()))
                .chain(found -> {
                    if (!found.iterator().hasNext()) {
                        throw new NotFoundException("no outcome '" + id + "' in the read models");
                    }
                    Row outcome = found.iterator().next();
                    String outcomeId = outcome.getString("id");
                    Tuple p = Tuple.of(outcomeId);
                    Uni<RowSet<Row>> notes = pool.preparedQuery("SELECT year, status, first_sentence, document_name,"
                            + " coalesce(output_code, output_statement) AS output FROM report_progress_note"
                            + " WHERE outcome_id = $1 ORDER BY entry").execute(p);
                    Uni<RowSet<Row>> attainment = pool.preparedQuery("SELECT indicator_id, indicator_code, statement,"
                            + " output_code, year, sequence, status, reason, result_raw, expected_raw, ratio"
                            + " FROM report_attainment WHERE outcome_id = $1 ORDER BY output_code NULLS FIRST,"
                            + " coalesce(indicator_code, statement), indicator_id, sequence, year").execute(p);
                    Uni<RowSet<Row>> budgets = pool.preparedQuery("SELECT entity_id, outcome_id, reporting_year,"
                            + " planned_usd, actual_usd, expenses_usd, funding_rate, delivery_rate, computed_shortfall,"
                            + " stated_shortfall_usd, shortfall_mismatch, over_spend FROM report_budget WHERE outcome_id = $1"
                            + " ORDER BY reporting_year DESC, entity_type DESC, entity_id").execute(p);
                    return Uni.combine().all().unis(notes, attainment, budgets).asTuple().map(rows -> {
                        List<TimelineEntry> timeline = new ArrayList<>();
                        rows.getItem1().forEach(r -> timeline.add(new TimelineEntry(
                                r.getInteger("year") == null ? "undated" : r.getInteger("year").toString(),
                                r.getString("status"), DashboardViews.statusLabel(r.getString("status")),
                                DashboardViews.tone(r.getString("status")), r.getString("first_sentence"),
                                r.getString("document_name"), r.getString("output"))));
                        TreeSet<Integer> years = new TreeSet<>();
                        Map<String, AttainmentLine> lines = new LinkedHashMap<>();
                        rows.getItem2().forEach(r -> {
                            years.add(r.getInteger("year"));
                            // One line per indicator and sequence: a year's second milestone is its own line.
                            int sequence = r.getInteger("sequence");
                            AttainmentLine line = lines.computeIfAbsent(r.getString("indicator_id") + '#' + sequence,
                                    k -> new AttainmentLine(r.getString("indicator_code"), r.getString("statement"),
                                            r.getString("output_code"), sequence, new TreeMap<>()));
                            line.cells().put(r.getInteger("year"), new AttainmentCell(r.getString("status"),
                                    r.getString("reason"), r.getString("result_raw"), r.getString("expected_raw"),
                                    DashboardViews.ratio(r.getBigDecimal("ratio"))));
                        });
                        Map<String, Object> charts = new LinkedHashMap<>();
                        List<BudgetLine> budgetLines = budgets(rows.getItem3(), charts);
                        return Templates.outcome(new OutcomePage(outcomeId, code(outcomeId, outcome.getString("code")),
                                outcome.getString("office"), outcome.getString("plan_period"), outcome.getString("statement"),
                                CHART_JS, timeline, List.copyOf(years), List.copyOf(lines.values()), budgetLines,
                                script(charts)));
                    });
                });
    }

    // --- chart data ---------------------------------------------------------------------------------------------

    private static List<Integer> heatYears(RowSet<Row> rows) {
        TreeSet<Integer> years = new TreeSet<>();
        rows.forEach(r -> years.add(r.getInteger("year")));
        return List.copyOf(years);
    }

    private static List<HeatRow> heatMap(RowSet<Row> rows, Map<String, String> statements, Map<String, Object> charts) {
        Map<String, Map<Integer, long[]>> byOutcome = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        List<List<Long>> counts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Row r : rows) {
            long[] c = {r.getLong("met"), r.getLong("partial"), r.getLong("not_met"), r.getLong("not_assessable")};
            String outcomeId = r.getString("outcome_id");
            byOutcome.computeIfAbsent(outcomeId, k -> new TreeMap<>()).put(r.getInteger("year"), c);
            labels.add(Offices.outcomeCode(outcomeId) + " · " + r.getInteger("year"));
            for (int i = 0; i < 4; i++) {
                counts.get(i).add(c[i]);
            }
        }
        List<String> keys = List.of("MET", "PARTIAL", "NOT_MET", "NOT_ASSESSABLE");
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            datasets.add(Map.of("key", keys.get(i), "label", DashboardViews.statusLabel(keys.get(i)), "data", counts.get(i)));
        }
        charts.put("attainment", Map.of("labels", labels, "datasets", datasets));
        List<HeatRow> heat = new ArrayList<>();
        byOutcome.forEach((outcomeId, years) -> heat.add(new HeatRow(outcomeId, Offices.outcomeCode(outcomeId),
                statements.get(outcomeId), DashboardViews.cells(years))));
        return heat;
    }

    private static List<BudgetLine> budgets(RowSet<Row> rows, Map<String, Object> charts) {
        List<BudgetLine> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> expenses = new ArrayList<>();
        List<Boolean> overSpend = new ArrayList<>();
        List<BigDecimal> shortfall = new ArrayList<>();
        for (Row r : rows) {
            BudgetLine line = DashboardViews.budgetLine(r);
            lines.add(line);
            labels.add(line.label());
            planned.add(r.getBigDecimal("planned_usd"));
            actual.add(r.getBigDecimal("actual_usd"));
            expenses.add(r.getBigDecimal("expenses_usd"));
            overSpend.add(r.getBoolean("over_spend"));
            shortfall.add(r.getBigDecimal("computed_shortfall"));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("planned", planned);
        chart.put("actual", actual);
        chart.put("expenses", expenses);
        chart.put("overSpend", overSpend);
        chart.put("shortfall", shortfall);
        charts.put("budget", chart);
        return lines;
    }

    private static List<PartnerLine> funding(RowSet<Row> rows, Map<String, Object> charts) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, BigDecimal>> byPartner = new TreeMap<>();
        for (Row r : rows) {
            years.add(r.getInteger("year"));
            byPartner.computeIfAbsent(r.getString("partner"), k -> new TreeMap<>()).put(r.getInteger("year"),
                    r.getBigDecimal("total"));
        }
        List<Map<String, Object>> datasets = new ArrayList<>();
        List<PartnerLine> lines = new ArrayList<>();
        byPartner.forEach((partner, totals) -> {
            List<BigDecimal> data = years.stream().map(y -> totals.getOrDefault(y, BigDecimal.ZERO)).toList();
            datasets.add(Map.of("label", partner, "data", data));
            lines.add(new PartnerLine(partner, years.stream().map(y -> DashboardViews.usd(totals.get(y))).toList()));
        });
        charts.put("funding", Map.of("labels", List.copyOf(years), "datasets", datasets));
        charts.put("fundingYears", List.copyOf(years));
        return lines;
    }

    /** JSON safe to embed in a script element. */
    private String script(Map<String, Object> charts) {
        try {
            return json.writeValueAsString(charts).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String code(String id, String code) {
        return code != null ? code : Offices.outcomeCode(id);
    }

    private static String webjarVersion() {
        try (InputStream in = DashboardResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Chart.js webjar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
