package org.resultsflow.reporting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.metrics.ProgressRow;
import org.resultsflow.reporting.store.AttainmentQueries;
import org.resultsflow.reporting.store.AttainmentSummary;
import org.resultsflow.reporting.store.BudgetQueries;
import org.resultsflow.reporting.store.FundingQueries;
import org.resultsflow.reporting.store.Grouping;
import org.resultsflow.reporting.store.OutcomeQueries;
import org.resultsflow.reporting.store.PartnerTotal;
import org.resultsflow.reporting.store.PortfolioQueries;
import org.resultsflow.reporting.store.ProgressQueries;
import org.resultsflow.reporting.web.DashboardViews.AttainmentCell;
import org.resultsflow.reporting.web.DashboardViews.AttainmentLine;
import org.resultsflow.reporting.web.DashboardViews.BudgetLine;
import org.resultsflow.reporting.web.DashboardViews.HeatRow;
import org.resultsflow.reporting.web.DashboardViews.OutcomeLink;
import org.resultsflow.reporting.web.DashboardViews.Overview;
import org.resultsflow.reporting.web.DashboardViews.OutcomePage;
import org.resultsflow.reporting.web.DashboardViews.FundingChart;
import org.resultsflow.reporting.web.DashboardViews.Portfolio;
import org.resultsflow.reporting.web.DashboardViews.TimelineEntry;
import org.resultsflow.reporting.web.DashboardViews.Trajectory;

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

        static native TemplateInstance portfolio(Portfolio portfolio);
    }

    private final OutcomeQueries outcomes;
    private final AttainmentQueries attainment;
    private final BudgetQueries budgets;
    private final FundingQueries funding;
    private final PortfolioQueries portfolio;
    private final ProgressQueries progress;
    private final ObjectMapper json;

    public DashboardResource(OutcomeQueries outcomes, AttainmentQueries attainment, BudgetQueries budgets,
            FundingQueries funding, PortfolioQueries portfolio, ProgressQueries progress, ObjectMapper json) {
        this.outcomes = outcomes;
        this.attainment = attainment;
        this.budgets = budgets;
        this.funding = funding;
        this.portfolio = portfolio;
        this.progress = progress;
        this.json = json;
    }

    @GET
    @Operation(summary = "The portfolio: every office with its attainment rate, progress statuses, funding and delivery "
            + "rates and over-spends, sortable and paged; with office, that office's page")
    public Uni<TemplateInstance> index(@Parameter(description = "Office, e.g. MEX: its page") @QueryParam("office") String office,
            @Parameter(description = "A year's figures; all years when absent") @QueryParam("year") Integer year,
            @Parameter(description = "office, outcomes, attainment, on-track, at-risk, off-track, funding, delivery or over-spends")
            @QueryParam("sort") @DefaultValue("office") String sort,
            @Parameter(description = "asc or desc") @QueryParam("dir") @DefaultValue("asc") String dir,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Offices per page, 1 to 200") @QueryParam("size") @DefaultValue("25") @Min(1) @Max(200) int size) {
        if (office != null && !office.isBlank()) {
            return office(office.strip());
        }
        PortfolioQueries.Sort by = PortfolioQueries.Sort.of(sort.strip());
        if (by == null) {
            throw new BadRequestException("sort must be one of " + Arrays.stream(PortfolioQueries.Sort.values())
                    .map(PortfolioQueries.Sort::key).toList() + ", not '" + sort + "'");
        }
        boolean descending = "desc".equalsIgnoreCase(dir.strip());
        return portfolio.years().chain(years -> portfolio.offices(year, by, descending, page, size).map(found ->
                Templates.portfolio(new Portfolio(year, years, by.key(), descending, page, size, found.total(),
                        found.rows().stream().map(DashboardViews::officeLine).toList()))));
    }

    @GET
    @Path("/offices/{office}")
    @Operation(summary = "An office: attainment of its outcomes by year, budget utilisation per output, funding per year, its outcomes")
    public Uni<TemplateInstance> office(@Parameter(description = "Office, e.g. MEX") @PathParam("office") String office) {
        String filter = office.strip();
        return Uni.combine().all().unis(attainment.summary(Grouping.OUTCOME, filter), budgets.outputBudgets(filter),
                funding.partnerTotals(filter), outcomes.outcomes(filter)).asTuple().map(found -> {
                    Map<String, String> statements = new LinkedHashMap<>();
                    List<OutcomeLink> links = new ArrayList<>();
                    found.getItem4().forEach(o -> {
                        statements.put(o.id(), o.statement());
                        links.add(new OutcomeLink(o.id(), code(o.id(), o.code()), o.office(), o.statement()));
                    });
                    Map<String, Object> charts = new LinkedHashMap<>();
                    Map<String, Map<Integer, long[]>> byOutcome = countsByOutcome(found.getItem1());
                    List<HeatRow> heat = heatMap(byOutcome, statements, charts);
                    List<BudgetLine> budgetLines = budgets(found.getItem2(), charts);
                    List<FundingChart> partners = funding(found.getItem3(), charts);
                    return Templates.index(new Overview(filter, CHART_JS, heat, heatYears(byOutcome), budgetLines,
                            partners, links, script(charts)));
                });
    }

    @GET
    @Path("/outcomes/{id}")
    @Operation(summary = "An outcome: its progress timeline, milestone attainment and budgets")
    public Uni<TemplateInstance> outcome(@Parameter(description = "Outcome id or code") @PathParam("id") String id) {
        return outcomes.find(id).chain(outcome -> {
            if (outcome == null) {
                throw new NotFoundException("no outcome '" + id + "' in the read models");
            }
            return Uni.combine().all().unis(outcomes.timeline(outcome.id()), attainment.ofOutcome(outcome.id()),
                    budgets.ofOutcome(outcome.id()), progress.ofOutcome(outcome.id())).asTuple().map(found -> {
                        List<TimelineEntry> timeline = new ArrayList<>();
                        found.getItem1().forEach(n -> timeline.add(new TimelineEntry(
                                n.year() == null ? "undated" : n.year().toString(), n.status(),
                                DashboardViews.statusLabel(n.status()), DashboardViews.tone(n.status()),
                                n.firstSentence(), n.documentName(),
                                n.outputCode() != null ? n.outputCode() : n.outputStatement())));
                        TreeSet<Integer> years = new TreeSet<>();
                        Map<String, AttainmentLine> lines = new LinkedHashMap<>();
                        for (AttainmentRow r : found.getItem2()) {
                            years.add(r.year());
                            // One line per indicator and sequence: a year's second milestone is its own line.
                            AttainmentLine line = lines.computeIfAbsent(r.indicatorId() + '#' + r.sequence(),
                                    k -> new AttainmentLine(r.indicatorCode(), r.statement(), r.outputCode(),
                                            r.sequence(), new TreeMap<>()));
                            line.cells().put(r.year(), new AttainmentCell(r.status().name(), name(r.reason()),
                                    r.resultRaw(), r.expectedRaw(), DashboardViews.ratio(r.ratio())));
                        }
                        Map<String, Object> charts = new LinkedHashMap<>();
                        List<BudgetLine> budgetLines = budgets(found.getItem3(), charts);
                        List<Trajectory> trajectories = trajectories(found.getItem2(), found.getItem4(), charts);
                        return Templates.outcome(new OutcomePage(outcome.id(), code(outcome.id(), outcome.code()),
                                outcome.office(), outcome.planPeriod(), outcome.statement(), CHART_JS, timeline,
                                List.copyOf(years), List.copyOf(lines.values()), budgetLines, trajectories,
                                script(charts)));
                    });
        });
    }

    // --- chart data ---------------------------------------------------------------------------------------------

    /**
     * The status counts per outcome and year, outcomes in the order of the roll-up. An outcome whose indicators
     * name different offices has a roll-up per office; the heat map shows the outcome once, so they are added up.
     */
    private static Map<String, Map<Integer, long[]>> countsByOutcome(List<AttainmentSummary> summaries) {
        Map<String, Map<Integer, long[]>> byOutcome = new LinkedHashMap<>();
        for (AttainmentSummary s : summaries) {
            long[] c = {s.met(), s.partial(), s.notMet(), s.notAssessable()};
            byOutcome.computeIfAbsent(s.outcomeId(), k -> new TreeMap<>()).merge(s.year(), c, (a, b) -> {
                for (int i = 0; i < a.length; i++) {
                    a[i] += b[i];
                }
                return a;
            });
        }
        return byOutcome;
    }

    private static List<Integer> heatYears(Map<String, Map<Integer, long[]>> byOutcome) {
        TreeSet<Integer> years = new TreeSet<>();
        byOutcome.values().forEach(counts -> years.addAll(counts.keySet()));
        return List.copyOf(years);
    }

    private static List<HeatRow> heatMap(Map<String, Map<Integer, long[]>> byOutcome, Map<String, String> statements,
            Map<String, Object> charts) {
        List<String> labels = new ArrayList<>();
        List<List<Long>> counts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        byOutcome.forEach((outcomeId, years) -> years.forEach((year, c) -> {
            labels.add(Offices.outcomeCode(outcomeId) + " · " + year);
            for (int i = 0; i < 4; i++) {
                counts.get(i).add(c[i]);
            }
        }));
        List<AttainmentStatus> statuses = List.of(AttainmentStatus.MET, AttainmentStatus.PARTIAL, AttainmentStatus.NOT_MET,
                AttainmentStatus.NOT_ASSESSABLE);
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = statuses.get(i).name();
            datasets.add(Map.of("key", key, "label", DashboardViews.statusLabel(key), "data", counts.get(i)));
        }
        charts.put("attainment", Map.of("labels", labels, "datasets", datasets));
        List<HeatRow> heat = new ArrayList<>();
        byOutcome.forEach((outcomeId, years) -> heat.add(new HeatRow(outcomeId, Offices.outcomeCode(outcomeId),
                statements.get(outcomeId), DashboardViews.cells(years))));
        return heat;
    }

    /**
     * Per indicator with numeric values, what was planned (baseline, each year's milestone, the target) against
     * the results, one small chart each; the first milestone and result of a year stand for it.
     */
    private static List<Trajectory> trajectories(List<AttainmentRow> rows, List<ProgressRow> progress,
            Map<String, Object> charts) {
        Map<String, TreeMap<Integer, BigDecimal>> planned = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, BigDecimal>> results = new LinkedHashMap<>();
        Map<String, AttainmentRow> about = new LinkedHashMap<>();
        for (AttainmentRow r : rows) {
            about.putIfAbsent(r.indicatorId(), r);
            TreeMap<Integer, BigDecimal> plan = planned.computeIfAbsent(r.indicatorId(), k -> new TreeMap<>());
            TreeMap<Integer, BigDecimal> done = results.computeIfAbsent(r.indicatorId(), k -> new TreeMap<>());
            if (r.expectedValue() != null) {
                plan.putIfAbsent(r.year(), r.expectedValue());
            }
            if (r.resultValue() != null) {
                done.putIfAbsent(r.year(), r.resultValue());
            }
        }
        for (ProgressRow p : progress) {
            TreeMap<Integer, BigDecimal> plan = planned.get(p.indicatorId());
            if (plan != null && p.baselineYear() != null && p.baselineValue() != null) {
                plan.putIfAbsent(p.baselineYear(), p.baselineValue());
            }
        }
        List<Trajectory> trajectories = new ArrayList<>();
        List<Map<String, Object>> data = new ArrayList<>();
        about.forEach((id, r) -> {
            TreeMap<Integer, BigDecimal> plan = planned.get(id);
            TreeMap<Integer, BigDecimal> done = results.get(id);
            if (plan.isEmpty() && done.isEmpty()) {
                return;
            }
            TreeSet<Integer> years = new TreeSet<>(plan.keySet());
            years.addAll(done.keySet());
            String canvas = "trajectory-" + trajectories.size();
            trajectories.add(new Trajectory(canvas, r.indicatorCode() != null ? r.indicatorCode() : "—", r.statement()));
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("canvas", canvas);
            chart.put("labels", List.copyOf(years));
            chart.put("planned", years.stream().map(plan::get).toList());
            chart.put("results", years.stream().map(done::get).toList());
            data.add(chart);
        });
        charts.put("trajectories", data);
        return trajectories;
    }

    private static List<BudgetLine> budgets(List<BudgetRow> rows, Map<String, Object> charts) {
        List<BudgetLine> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<BigDecimal> planned = new ArrayList<>();
        List<BigDecimal> actual = new ArrayList<>();
        List<BigDecimal> expenses = new ArrayList<>();
        List<Boolean> overSpend = new ArrayList<>();
        List<BigDecimal> shortfall = new ArrayList<>();
        for (BudgetRow r : rows) {
            BudgetLine line = DashboardViews.budgetLine(r);
            lines.add(line);
            labels.add(line.label());
            planned.add(r.planned());
            actual.add(r.actual());
            expenses.add(r.expenses());
            overSpend.add(r.overSpend());
            shortfall.add(r.computedShortfall());
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

    /**
     * One chart per currency the office's contributions are stated in, US dollars first (canvas {@code funding-chart},
     * the others {@code funding-chart-<currency>}); contributions shown without a number are in none.
     */
    private static List<FundingChart> funding(List<PartnerTotal> rows, Map<String, Object> charts) {
        Map<String, List<PartnerTotal>> byCurrency = new LinkedHashMap<>();
        rows.stream().filter(r -> r.currency() != null)
                .sorted(Comparator.comparing((PartnerTotal r) -> !"USD".equals(r.currency())).thenComparing(PartnerTotal::currency))
                .forEach(r -> byCurrency.computeIfAbsent(r.currency(), k -> new ArrayList<>()).add(r));
        List<FundingChart> lines = new ArrayList<>();
        List<Map<String, Object>> drawn = new ArrayList<>();
        byCurrency.forEach((currency, ofCurrency) -> {
            TreeSet<Integer> years = new TreeSet<>();
            Map<String, Map<Integer, BigDecimal>> byPartner = new TreeMap<>();
            for (PartnerTotal r : ofCurrency) {
                years.add(r.year());
                byPartner.computeIfAbsent(r.partner(), k -> new TreeMap<>()).put(r.year(), r.total());
            }
            List<Map<String, Object>> datasets = new ArrayList<>();
            byPartner.forEach((partner, totals) -> datasets.add(Map.of("label", partner,
                    "data", years.stream().map(y -> totals.getOrDefault(y, BigDecimal.ZERO)).toList())));
            String canvas = "USD".equals(currency) ? "funding-chart" : "funding-chart-" + currency;
            drawn.add(Map.of("canvas", canvas, "currency", currency, "labels", List.copyOf(years), "datasets", datasets));
            lines.add(new FundingChart(canvas, currency, byPartner.size()));
        });
        charts.put("funding", drawn);
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

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
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
