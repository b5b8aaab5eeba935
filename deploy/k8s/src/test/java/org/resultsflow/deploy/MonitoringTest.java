package org.resultsflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resultsflow.contracts.ops.DomainMetric;

/**
 * Every alert and dashboard panel names only metrics that exist: the services' domain metrics (DomainMetric,
 * which each service's tests scrape /q/metrics for) or the few that Prometheus and kube-state-metrics make.
 * A renamed metric fails here instead of leaving an alert that never fires.
 */
class MonitoringTest {

    /** Not the services': made by Prometheus itself and by kube-state-metrics. */
    static final Set<String> EXTERNAL = Set.of("up", "kube_deployment_status_replicas_unavailable");

    static final Set<String> PROMQL_WORDS = Set.of("by", "without", "and", "or", "unless", "bool", "offset", "on",
            "ignoring", "group_left", "group_right", "le", "inf");

    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void alertsAndPanelsNameExportedMetrics(String overlay) throws IOException {
        Manifests m = Manifests.of(overlay);
        Set<String> exported = Stream.of(DomainMetric.values()).flatMap(d -> d.prometheusNames().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> problems = new ArrayList<>();

        List<JsonNode> rules = m.documents.stream().filter(d -> d.path("kind").asText().equals("PrometheusRule")).toList();
        assertEquals(1, rules.size(), "one PrometheusRule");
        Set<String> alerts = new TreeSet<>();
        for (JsonNode group : rules.get(0).path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                alerts.add(rule.path("alert").asText());
                check("alert " + rule.path("alert").asText(), rule.path("expr").asText(), exported, problems);
            }
        }
        assertEquals(Set.of("ResultsflowConsumerLagGrowing", "ResultsflowDeadLetter", "ResultsflowOutboxStale",
                "ResultsflowServiceNotReady"), alerts);

        JsonNode dashboard = m.documents.stream()
                .filter(d -> d.path("kind").asText().equals("ConfigMap")
                        && d.path("metadata").path("labels").path("grafana_dashboard").asText().equals("1"))
                .map(d -> read(d.path("data").path("resultsflow-dashboard.json").asText())).findFirst().orElseThrow();
        int panels = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            panels++;
            assertFalse(panel.path("targets").isEmpty(), panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                check("panel '" + panel.path("title").asText() + "'", target.path("expr").asText(), exported, problems);
            }
        }
        assertEquals(List.of(), problems);

        // Every domain metric is on the dashboard, and every service is scraped.
        String allExprs = dashboard.toString();
        Stream.of(DomainMetric.values()).forEach(d -> assertTrue(d.prometheusNames().stream().anyMatch(allExprs::contains),
                d.metricName() + " is on the dashboard"));
        Set<String> monitored = m.documents.stream().filter(d -> d.path("kind").asText().equals("ServiceMonitor"))
                .map(d -> d.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Project.SERVICES), monitored);
        System.out.printf("MonitoringTest[%s]: %d alerts, %d panels, every metric they name exported%n", overlay,
                alerts.size(), panels);
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords or label names. */
    static void check(String where, String expr, Set<String> exported, List<String> problems) {
        String bare = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                .replaceAll("\\$\\w+", "");
        Matcher matcher = IDENTIFIER.matcher(bare);
        int names = 0;
        while (matcher.find()) {
            String token = matcher.group();
            boolean call = bare.substring(matcher.end()).stripLeading().startsWith("(");
            if (call || PROMQL_WORDS.contains(token) || token.matches("\\d.*")) {
                continue;
            }
            names++;
            if (!exported.contains(token) && !EXTERNAL.contains(token)) {
                problems.add(where + " names " + token + ", which no service exports");
            }
        }
        if (names == 0) {
            problems.add(where + " names no metric: " + expr);
        }
    }

    private static JsonNode read(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
