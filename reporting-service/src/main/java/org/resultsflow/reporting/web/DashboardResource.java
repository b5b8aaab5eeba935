package org.resultsflow.reporting.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
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
import org.resultsflow.reporting.metrics.AttainmentRow;
import org.resultsflow.reporting.metrics.AttainmentStatus;
import org.resultsflow.reporting.metrics.BudgetRow;
import org.resultsflow.reporting.metrics.Offices;
import org.resultsflow.reporting.store.AttainmentQueries;
import org.resultsflow.reporting.store.AttainmentSummary;
import org.resultsflow.reporting.store.BudgetQueries;
import org.resultsflow.reporting.store.FundingQueries;
import org.resultsflow.reporting.store.Grouping;
import org.resultsflow.reporting.store.OutcomeQueries;
import org.resultsflow.reporting.store.PartnerTotal;
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

    private final OutcomeQueries outcomes;
    private final AttainmentQueries attainment;
    private final BudgetQueries budgets;
    private final FundingQueries funding;
    private final ObjectMapper json;

    public DashboardResource(OutcomeQueries outcomes, AttainmentQueries attainment, BudgetQueries budgets,
            FundingQueries funding, ObjectMapper json) {
        this.outcomes = outcomes;
        this.attainment = attainment;
        this.budgets = budgets;
        this.funding = funding;
        this.json = json;
    }

    @GET
    @Operation(summary = "The dashboard: attainment by outcome and year, budget utilisation per output, funding per year")
    public Uni<TemplateInstance> index(@Parameter(description = "Office, e.g. MEX; all when absent") @QueryParam("office") String office) {
        String filter = office == null || office.isBlank() ? null : office.strip();
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
                    List<PartnerLine> partners = funding(found.getItem3(), charts);
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
                    budgets.ofOutcome(outcome.id())).asTuple().map(found -> {
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
                        return Templates.outcome(new OutcomePage(outcome.id(), code(outcome.id(), outcome.code()),
                                outcome.office(), outcome.planPeriod(), outcome.statement(), CHART_JS, timeline,
                                List.copyOf(years), List.copyOf(lines.values()), budgetLines, script(charts)));
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

    private static List<PartnerLine> funding(List<PartnerTotal> rows, Map<String, Object> charts) {
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, BigDecimal>> byPartner = new TreeMap<>();
        for (PartnerTotal r : rows) {
            years.add(r.year());
            byPartner.computeIfAbsent(r.partner(), k -> new TreeMap<>()).put(r.year(), r.total());
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
