package org.resultsflow.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resultsflow.infra.Ports;

/**
 * The whole system as deploy/local/run starts it — real broker, real database, the three packaged
 * services as separate processes — driven over HTTP only.
 */
class LocalStackIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path PROJECT = Path.of(System.getProperty("resultsflow.project", "../..")).toAbsolutePath().normalize();
    static final Path PROGRESS_NOTES = PROJECT.resolve("deploy/samples/000_e25761c67d39ad5b.txt");
    static final Pattern OUTCOME_LINE = Pattern.compile("^outcome (XM-DAC-\\S+)$");

    @TempDir
    static Path data;

    static LocalStack stack;

    @BeforeAll
    static void start() throws Exception {
        LocalStack.Options options = new LocalStack.Options(PROJECT, data, false, Ports.free(), Ports.free(),
                Ports.free(), Ports.free(), Ports.free());
        stack = new LocalStack(options);
        stack.start(System.out::println);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aProgressNotesListPostedToIngestIsServedByReporting() throws Exception {
        Map<String, String> expected = statementsOf(PROGRESS_NOTES);
        assertEquals(5, expected.size(), "seed 000 names five outcomes");

        LocalStack.Ingested ingested = stack.ingest(PROGRESS_NOTES);
        assertEquals(201, ingested.status(), ingested.body());

        JsonNode outcomes = awaitOutcomes("MEX", expected.size(), Duration.ofSeconds(90));
        Map<String, String> served = new LinkedHashMap<>();
        Map<String, List<Integer>> noteYears = new LinkedHashMap<>();
        for (JsonNode outcome : outcomes) {
            String id = outcome.get("id").asText();
            if (expected.containsKey(id)) {
                served.put(id, outcome.get("statement").isNull() ? null : outcome.get("statement").asText());
                List<Integer> years = new ArrayList<>();
                outcome.get("progressNotes").forEach(n -> years.add(n.get("year").asInt()));
                noteYears.put(id, years);
            }
        }
        assertEquals(expected, served);
        expected.forEach((id, statement) -> assertTrue(noteYears.get(id).contains(2024) || statement == null,
                id + " has its 2024 note"));
        // The page is cut off right after the last outcome's header: its id is all there is.
        assertEquals(List.of(), noteYears.get("XM-DAC-41146-MEX_D_3.1"));
    }

    @Test
    void theSampleDocumentsTogetherAsTheRunCommandIngestsThem() throws Exception {
        for (Path sample : LocalStack.documents(PROJECT.resolve("deploy/samples"))) {
            LocalStack.Ingested ingested = stack.ingest(sample);
            assertTrue(ingested.accepted(), sample + ": " + ingested.body());
        }
        // Seeds 000 and 002 name seven outcomes; 003 (which does not show its id) is identified as MEX_D_4.1.
        JsonNode outcomes = awaitOutcomes("MEX", 7, Duration.ofSeconds(90));
        JsonNode outcome41 = null;
        for (JsonNode outcome : outcomes) {
            if (outcome.get("id").asText().equals("XM-DAC-41146-MEX_D_4.1")) {
                outcome41 = outcome;
            }
        }
        assertTrue(outcome41 != null, "MEX_D_4.1 is reported: " + outcomes);
        JsonNode canonical = JSON.readTree(stack.get(stack.catalogUrl("/api/outcomes/XM-DAC-41146-MEX_D_2.1")).body());
        assertEquals(3, canonical.get("outputs").size(), canonical.toString());
    }

    /**
     * An IATI activity file goes the same way as a portal page: its indicator reaches the catalog with its measure,
     * declared direction and period values, and reporting scores its period target against its actual in the
     * declared direction (the annotated example: target 10, actual 11 for January–March 2013, ascending), under the
     * office of its reporting organisation, as the activity's outcome is.
     */
    @Test
    void anIatiActivityFileIsCataloguedAndScored() throws Exception {
        Path activity = PROJECT.resolve("ingest-service/src/test/resources/iati/activity-standard-example-annotated.xml");
        LocalStack.Ingested ingested = stack.ingest(activity); // 200 when another test of this class posted it first
        assertTrue(ingested.accepted(), ingested.body());

        String id = "AA-AAA-123456789-ABC123";
        String office = "AA-AAA-123456789";
        JsonNode row = null;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (row == null && Instant.now().isBefore(deadline)) {
            JsonNode rows = JSON.readTree(stack.get(stack.reportingUrl(
                    "/api/reports/milestone-attainment?office=" + office)).body());
            for (JsonNode r : rows) {
                if (r.path("indicatorId").asText().startsWith(id + "/R1") && r.path("year").asInt() == 2013) {
                    row = r;
                }
            }
            Thread.sleep(500);
        }
        assertTrue(row != null, "reporting scores the activity's indicator for 2013 under its office");
        assertEquals(id, row.get("outcomeId").asText(), row.toString());
        assertEquals("MET", row.get("status").asText(), row.toString());
        assertEquals("INCREASING", row.get("direction").asText(), row.toString());
        assertEquals("DECLARED", row.get("directionRule").asText(), row.toString());
        assertEquals(0, row.get("ratio").decimalValue().compareTo(new java.math.BigDecimal("1.1")), row.toString());

        JsonNode outcome = JSON.readTree(stack.get(stack.catalogUrl("/api/outcomes/" + id + "?include=observations")).body());
        JsonNode indicator = null;
        for (JsonNode i : outcome.path("indicators")) {
            indicator = i;
        }
        for (JsonNode output : outcome.path("outputs")) {
            for (JsonNode i : output.path("indicators")) {
                indicator = i;
            }
        }
        assertTrue(indicator != null, "the catalog holds the activity's indicator: " + outcome);
        assertEquals("UNIT", indicator.get("measure").asText(), indicator.toString());
        assertTrue(indicator.get("ascending").asBoolean(), indicator.toString());
        assertEquals(3, indicator.get("observations").size(), indicator.toString()); // baseline, target, actual
    }

    /**
     * Budget utilisation of IATI activities, found by their office, in the currency of the amounts: the annotated
     * example budgets EUR 3000 for 2014 and shows no expenditure; the constructed budget-years.xml budgets EUR 1,200
     * for July 2014 – June 2015 (a 2014 budget: its period ends in the first half of 2015) and spends EUR 300 in
     * 2014 (300 ÷ 1,200 = 0.25), EUR 600 in 2015 (no budget), and budgets USD 500 for 2016 against EUR 50 spent.
     */
    @Test
    void iatiBudgetsAreUtilisedPerYearInTheirCurrency() throws Exception {
        Path iati = PROJECT.resolve("ingest-service/src/test/resources/iati");
        for (String file : List.of("activity-standard-example-annotated.xml", "budget-years.xml")) {
            LocalStack.Ingested ingested = stack.ingest(iati.resolve(file));
            assertTrue(ingested.accepted(), file + ": " + ingested.body());
        }
        JsonNode annotated = awaitBudget("AA-AAA-123456789", "AA-AAA-123456789-ABC123/2014");
        assertEquals(0, annotated.get("plannedAmount").decimalValue().compareTo(new java.math.BigDecimal("3000")),
                annotated.toString());
        assertEquals("EUR", annotated.get("plannedCurrency").asText(), annotated.toString());
        assertTrue(annotated.get("planned").isNull(), "never converted to USD: " + annotated);
        assertEquals("NO_EXPENDITURE", annotated.get("utilisationReason").asText(), annotated.toString());

        String id = "XX-TEST-1-BUDGETYEARS";
        JsonNode y2014 = awaitBudget("XX-TEST-1", id + "/2014");
        assertEquals(0, y2014.get("utilisationRate").decimalValue().compareTo(new java.math.BigDecimal("0.25")),
                y2014.toString());
        assertEquals("EUR", y2014.get("plannedCurrency").asText(), y2014.toString());
        assertEquals("EUR", y2014.get("expensesCurrency").asText(), y2014.toString());
        assertEquals("NO_BUDGET", awaitBudget("XX-TEST-1", id + "/2015").get("utilisationReason").asText());
        JsonNode y2016 = awaitBudget("XX-TEST-1", id + "/2016");
        assertEquals("CURRENCIES_DIFFER", y2016.get("utilisationReason").asText(), y2016.toString());
        assertTrue(y2016.get("utilisationRate").isNull(), y2016.toString());
    }

    /**
     * A portal page and an IATI file of the same outcome that states the page's output and indicator codes, posted
     * to ingest as a user would: the catalog holds one indicator whose 2021 result has both sources' values, the
     * file's 61 beside the portal's 59, each with its document, and one 2021 budget whose planned amounts are the
     * file's 900,000 and the portal's $934.31 K. Which value stands depends on the documents' as-of dates, and the
     * other samples of this class may also be there (004, the page's PDF export, gives the portal's values too);
     * that both sources' values are kept, in one record, does not.
     */
    @Test
    void aPortalPageAndAnIatiFileOfOneOutcomeMeetInOneRecord() throws Exception {
        LocalStack.Ingested page = stack.ingest(PROJECT.resolve("deploy/samples/001_32a555cdcd01bebc.txt"));
        LocalStack.Ingested file = stack.ingest(PROJECT.resolve("ingest-service/src/test/resources/iati/portal-outcome-MEX_D_2.1.xml"));
        assertTrue(page.accepted(), page.body());
        assertTrue(file.accepted(), file.body());
        String fileId = JSON.readTree(file.body()).get("id").asText();
        String outcome = "XM-DAC-41146-MEX_D_2.1";

        Map<String, String> results2021 = Map.of();
        Map<String, String> planned2021 = Map.of();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline) && (results2021.size() < 2 || planned2021.size() < 2)) {
            Thread.sleep(500);
            results2021 = new LinkedHashMap<>();
            for (JsonNode conflict : JSON.readTree(stack.get(stack.catalogUrl("/api/conflicts?outcome=" + outcome)).body())) {
                if (conflict.path("indicatorId").asText().equals("MEX_D_2.1.2::MEX_D_2.1.2A")
                        && conflict.path("year").asInt() == 2021 && conflict.path("kind").asText().equals("RESULT")) {
                    results2021.put(conflict.at("/canonicalProvenance/documentId").asText(),
                            conflict.at("/canonicalValue/raw").asText());
                    for (JsonNode other : conflict.path("otherValues")) {
                        results2021.put(other.at("/provenance/documentId").asText(), other.at("/value/raw").asText());
                    }
                }
            }
            planned2021 = new LinkedHashMap<>();
            for (JsonNode budget : JSON.readTree(stack.get(stack.catalogUrl("/api/budgets?outcome=" + outcome)).body())) {
                if (budget.path("id").asText().equals(outcome + "/2021")) {
                    planned2021.put(budget.at("/planned/provenance/documentId").asText(), budget.at("/planned/raw").asText());
                    for (JsonNode conflict : budget.path("conflicts")) {
                        if (conflict.path("field").asText().equals("planned")) {
                            planned2021.put(conflict.at("/value/provenance/documentId").asText(),
                                    conflict.at("/value/raw").asText());
                        }
                    }
                }
            }
        }
        assertEquals("61", results2021.get(fileId), "the file's 2021 result: " + results2021);
        assertEquals("900000", planned2021.get(fileId), "the file's 2021 budget: " + planned2021);
        // The portal's value, from the page or from sample 004 (its PDF export), whichever the catalog lists.
        results2021.remove(fileId);
        planned2021.remove(fileId);
        assertEquals(Set.of("59"), Set.copyOf(results2021.values()), "the portal's 2021 result, beside the file's");
        assertEquals(Set.of("$934.31 K"), Set.copyOf(planned2021.values()), "the portal's 2021 budget, beside the file's");
    }

    private static JsonNode awaitBudget(String office, String budgetId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = JSON.readTree(stack.get(stack.reportingUrl("/api/reports/budget-utilisation?office=" + office)).body());
            for (JsonNode row : last) {
                if (budgetId.equals(row.path("id").asText())) {
                    return row;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no budget " + budgetId + " of office " + office + ": " + last);
    }

    @Test
    void theSameBytesAgainAreRecognised() throws Exception {
        stack.ingest(PROGRESS_NOTES);
        LocalStack.Ingested again = stack.ingest(PROGRESS_NOTES);
        assertEquals(200, again.status(), again.body());
        assertTrue(again.body().contains("ALREADY_INGESTED"), again.body());
    }

    private static JsonNode awaitOutcomes(String office, int count, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = JSON.readTree(stack.get(stack.reportingUrl("/api/reports/outcomes?office=" + office)).body());
            if (last.size() >= count) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("reporting served " + last + " after " + timeout);
    }

    /** Outcome id → the statement line that follows its header in the seed (none when the page ends). */
    private static Map<String, String> statementsOf(Path seed) throws Exception {
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        Map<String, String> statements = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher header = OUTCOME_LINE.matcher(lines.get(i).strip());
            if (header.matches()) {
                String next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
                statements.put(header.group(1), next.isEmpty() ? null : next);
            }
        }
        return statements;
    }
}
