package org.resultsflow.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resultsflow.catalog.CatalogTests;
import org.resultsflow.catalog.Seeds;
import org.resultsflow.contracts.export.RecordColumns;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;

/**
 * The exports of the catalog's lists hold exactly the lists' items: the samples (under an office of their own,
 * through the broker and the real merge) and generated indicators with conflicting values, more than one cursor
 * fetch of them, exported and compared with every page of the paged list — same items, same order, the fields
 * where the list has them; an export resumes after any row; a bad resume key is a 400; the filters are the list's;
 * the CSV's columns are the NDJSON's fields and the workbook's header.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ListExportTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** More than one fetch of the cursor (500 rows). */
    static final int GENERATED = 1_200;
    static final ObjectMapper JSON = new ObjectMapper();

    /** An export, the list whose items it holds, and which row field holds which part of a list item. */
    record Export(String name, String list, Map<String, String> fields, List<String> key) {
    }

    static final Export OUTCOMES = new Export("outcomes", "/api/outcomes", fields(
            "outcomeId=/id", "code=/code", "office=/office", "planPeriod=/planPeriod", "statement=/statement",
            "description=/description", "policyMarker=/policyMarker", "outputs=#/outputs", "progressNotes=#/progressNotes",
            "sdgAlignment=/sdgAlignment", "documentId=/provenance/statement/documentId",
            "documentName=/provenance/statement/documentName", "firstLine=/provenance/statement/lines/first",
            "lastLine=/provenance/statement/lines/last", "asOf=/provenance/statement/asOf",
            "asOfBasis=/provenance/statement/asOfBasis"), List.of("outcomeId=afterOutcome"));
    static final Export INDICATORS = new Export("indicators", "/api/indicators", fields(
            "indicatorId=/id", "indicatorCode=/code", "statement=/statement", "normalisedStatement=/normalisedStatement",
            "outcomeId=/outcomeId", "outputCode=/outputCode", "parentId=/parentId", "office=/office", "measure=/measure",
            "tags=/tags", "aliases=/aliases", "observations=#/observations",
            "documentId=/provenance/statement/documentId", "firstLine=/provenance/statement/lines/first",
            "lastLine=/provenance/statement/lines/last", "asOf=/provenance/statement/asOf"),
            List.of("indicatorId=afterIndicator"));
    static final Export BUDGETS = new Export("budgets", "/api/budgets", fields(
            "budgetId=/id", "entityId=/entityId", "entityType=/entityType", "outcomeId=/outcomeId", "office=/office",
            "reportingYear=/reportingYear", "plannedRaw=/planned/raw", "plannedUsd=/planned/usd",
            "plannedCurrency=/planned/currency", "plannedAmount=/planned/amount",
            "plannedDocumentId=/planned/provenance/documentId", "plannedFirstLine=/planned/provenance/lines/first",
            "actualRaw=/actual/raw", "actualUsd=/actual/usd", "actualLastLine=/actual/provenance/lines/last",
            "expensesRaw=/expenses/raw", "statedShortfallRaw=/statedShortfall/raw", "coreRaw=/core/raw",
            "nonCoreRaw=/nonCore/raw", "nonCoreDocumentId=/nonCore/provenance/documentId", "flows=#/flows", "conflicts=#/conflicts"),
            List.of("budgetId=afterBudget"));
    static final Export CONFLICTS = new Export("conflicts", "/api/conflicts", fields(
            "indicatorId=/indicatorId", "indicatorCode=/code", "outcomeId=/outcomeId", "parentId=/parentId",
            "year=/year", "kind=/kind", "sequence=/sequence", "value=/canonicalValue/raw",
            "number=/canonicalValue/number", "valueType=/canonicalValue/type",
            "documentId=/canonicalProvenance/documentId", "firstLine=/canonicalProvenance/lines/first",
            "lastLine=/canonicalProvenance/lines/last", "asOf=/canonicalProvenance/asOf", "otherValueCount=#/otherValues",
            "otherValues/0/value=/otherValues/0/value/raw", "otherValues/0/documentId=/otherValues/0/provenance/documentId",
            "otherValues/0/firstLine=/otherValues/0/provenance/lines/first",
            "otherValues/1/value=/otherValues/1/value/raw"),
            List.of("indicatorId=afterIndicator", "position=afterPosition"));
    static final Export DOCUMENTS = new Export("documents", "/api/documents", fields(
            "documentId=/id", "name=/name", "mediaType=/mediaType", "layout=/layout", "asOf=/asOf",
            "asOfBasis=/asOfBasis", "source=/source", "claims=/claims"), List.of("documentId=afterDocument"));

    static final EventStreams streams = EventStreams.shared();

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;

    /** The samples' office. */
    String office;
    String outcome;
    /** The generated indicators' office. */
    String generated;

    @BeforeAll
    void generateConflicts() {
        generated = CatalogTests.uniqueOffice("G");
        insertConflicting(generated, GENERATED);
    }

    /** The samples once per class, after RestAssured points at the application. */
    @BeforeEach
    void publishTheSamples() {
        if (office != null) {
            return;
        }
        String namespace = CatalogTests.uniqueOffice("L");
        outcome = Seeds.PREFIX + namespace + "_D_2.1";
        Seeds.load(json, Seeds.Namespace.of(namespace))
                .forEach(doc -> doc.events().forEach(e -> CatalogTests.publish(streams, json, e)));
        // The samples applied: the outcome's and its three outputs' budgets of 2021 and 2022, 004's 2022 result.
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertEquals("8", given().get("/api/budgets?outcome={o}&size=1", outcome).header(Totals.TOTAL));
            assertEquals("3", given().get("/api/indicators/{id}", namespace + "_D_2.1.3::" + namespace + "_D_2.1.3A")
                    .then().statusCode(200).extract().jsonPath()
                    .getString("observations.find { it.year == 2022 && it.kind == 'RESULT' }.value.raw"));
        });
        office = namespace;
    }

    @AfterAll
    void dropTheGenerated() {
        // Left as found: the contract test folds the topic into the REST state.
        pool.query("DELETE FROM canonical_record WHERE office = '" + generated + "'").execute().await().indefinitely();
    }

    @Test
    void eachExportHoldsTheListsItemsInItsOrderWithItsFields() {
        List<JsonNode> outcomes = check(OUTCOMES, "office=" + office, 2);
        JsonNode theOutcome = outcomes.stream().filter(r -> r.get("outcomeId").asText().equals(outcome)).findFirst().orElseThrow();
        assertTrue(theOutcome.get("firstLine").asInt() > 0, "where the statement was read: " + theOutcome);
        assertEquals(3, theOutcome.get("outputs").asInt(), theOutcome.toString());
        check(INDICATORS, "office=" + office, 10);
        List<JsonNode> budgets = check(BUDGETS, "office=" + office, 8);
        assertTrue(budgets.stream().anyMatch(b -> b.get("plannedUsd").isNumber() && b.get("plannedDocumentId").isTextual()
                && b.get("plannedFirstLine").isInt()), "an amount in US dollars with where it was read");
        check(DOCUMENTS, "", 5);
        check(INDICATORS, "office=" + generated, GENERATED);
        JsonNode conflict = check(CONFLICTS, "office=" + generated, GENERATED).get(0);
        assertEquals("RESULT", conflict.get("kind").asText(), "the result conflicts, the baseline does not");
        assertEquals(2, conflict.get("position").asInt());
        assertEquals("doc-c", conflict.get("documentId").asText());
        assertEquals(2, conflict.get("otherValueCount").asInt());
        assertEquals(JSON.createObjectNode().put("value", "12").put("number", 12).put("valueType", "NUMBER")
                .put("documentId", "doc-b").put("documentName", "Plan b").put("firstLine", 20).put("lastLine", 21)
                .put("asOf", "2022-12-31"), conflict.at("/otherValues/1"));
        // The samples' own conflicts, if their documents contradict each other; none is also an answer to compare.
        check(CONFLICTS, "office=" + office, 0);
    }

    @Test
    void theFiltersAreTheLists() {
        check(INDICATORS, "outcome=" + outcome, 2);
        check(BUDGETS, "outcome=" + outcome, 8);
        check(BUDGETS, "office=" + office + "&outcome=" + outcome, 8);
        String planPeriod = given().get("/api/outcomes?office={o}", office).jsonPath()
                .getString("find { it.planPeriod != null }.planPeriod");
        List<JsonNode> inPeriod = check(OUTCOMES, "office=" + office + "&planPeriod=" + planPeriod, 1);
        inPeriod.forEach(row -> assertEquals(planPeriod, row.get("planPeriod").asText()));
        List<JsonNode> ofOutcome = check(CONFLICTS, "office=" + generated + "&outcome=" + Seeds.PREFIX + generated + "_D_1", 1);
        assertEquals(GENERATED / 2, ofOutcome.size(), "half of the generated indicators are of outcome 1");
        ofOutcome.forEach(row -> assertEquals(Seeds.PREFIX + generated + "_D_1", row.get("outcomeId").asText()));
        for (JsonNode row : ndjson(BUDGETS, "office=" + office + "&outcome=" + outcome)) {
            assertEquals(office, row.get("office").asText());
            assertEquals(outcome, row.get("outcomeId").asText());
        }
        assertEquals(List.of(), ndjson(INDICATORS, "office=" + office + "&outcome=" + Seeds.PREFIX + generated + "_D_1"),
                "both filters apply");
    }

    @Test
    void anExportResumesAfterAnyRowReceived() {
        for (Export export : List.of(OUTCOMES, INDICATORS, BUDGETS)) {
            resumes(export, "office=" + office);
        }
        resumes(DOCUMENTS, "");
        resumes(CONFLICTS, "office=" + generated);
        resumes(INDICATORS, "office=" + generated);
    }

    @Test
    void aBadResumeKeyIsA400ApiError() {
        for (String bad : List.of("conflicts.csv?afterPosition=3", "conflicts.ndjson?afterIndicator=X",
                "conflicts.xlsx?afterIndicator=X&afterPosition=third", "observations.csv?afterIndicator=X&afterPosition=1.5")) {
            Response answer = given().get("/api/export/" + bad);
            assertEquals(400, answer.statusCode(), bad);
            assertTrue(answer.contentType().startsWith("application/json"), bad + ": " + answer.contentType());
            assertEquals(400, answer.jsonPath().getInt("status"), bad);
            String message = answer.jsonPath().getString("message");
            assertTrue(message.contains("afterPosition"), bad + ": " + message);
            assertFalse(answer.asString().contains("Exception"), answer.asString());
        }
    }

    @Test
    void theCsvColumnsAreTheNdjsonFieldsAndTheWorkbooksHeader() throws Exception {
        for (Export export : List.of(OUTCOMES, INDICATORS, BUDGETS, CONFLICTS, DOCUMENTS)) {
            String scope = export == CONFLICTS ? "office=" + generated : export == DOCUMENTS ? "" : "office=" + office;
            List<String> csv = given().urlEncodingEnabled(false).get(url(export, ".csv", scope))
                    .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString().lines().toList();
            List<String> lines = ndjsonLines(export, scope);
            List<JsonNode> rows = lines.stream().map(this::read).toList();
            List<String> header = List.of(csv.get(0).split(","));
            List<String> fields = new ArrayList<>();
            rows.get(0).fieldNames().forEachRemaining(fields::add);
            assertEquals(header, fields, export.name() + ": the CSV header names the NDJSON fields, in order");
            assertEquals(rows.size(), csv.size() - 1, export.name());
            assertEquals(csv.get(1) + "\r\n", new RecordColumns(json).csvRow(json.readValue(lines.get(0), rowType(export))),
                    export.name() + ": the first CSV row is the first NDJSON row");

            byte[] xlsx = given().urlEncodingEnabled(false).get(url(export, ".xlsx", scope)).then().statusCode(200)
                    .extract().asByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                Sheet sheet = workbook.getSheet(export.name());
                assertEquals(rows.size(), sheet.getLastRowNum(), export.name());
                for (int c = 0; c < header.size(); c++) {
                    assertEquals(header.get(c), sheet.getRow(0).getCell(c).getStringCellValue(), export.name());
                }
                String firstKey = export.key().get(0).split("=")[0];
                assertEquals(rows.get(0).get(firstKey).asText(), sheet.getRow(1).getCell(0).getStringCellValue(), export.name());
            }
        }
    }

    /**
     * The export's rows are the list's items, all pages of it, in order, each with the list item's fields; at least
     * {@code least} of them. The rows.
     */
    private List<JsonNode> check(Export export, String filter, int least) {
        List<JsonNode> items = list(export, filter);
        List<JsonNode> rows = ndjson(export, filter);
        assertTrue(items.size() >= least, export.name() + "?" + filter + ": " + items.size() + " items, expected " + least + " or more");
        assertEquals(items.size(), rows.size(), export.name() + "?" + filter + ": as many rows as the list has items");
        for (int i = 0; i < items.size(); i++) {
            for (Map.Entry<String, String> field : export.fields().entrySet()) {
                JsonNode expected = part(items.get(i), field.getValue());
                JsonNode actual = rows.get(i).at("/" + field.getKey());
                assertTrue(same(expected, actual), export.name() + "?" + filter + " row " + i + " " + field.getKey()
                        + ": " + actual + " where the list has " + expected);
            }
        }
        return rows;
    }

    /** Resuming after row k gives rows k+1 … exactly, for a row at the start, in the middle and at the end. */
    private void resumes(Export export, String filter) {
        List<JsonNode> rows = ndjson(export, filter);
        assertTrue(rows.size() >= 2, export.name() + "?" + filter);
        for (int k : new int[] {0, rows.size() / 2, rows.size() - 1}) {
            StringBuilder after = new StringBuilder(filter);
            for (String part : export.key()) {
                String[] columnAndParameter = part.split("=");
                after.append(after.isEmpty() ? "" : "&").append(columnAndParameter[1]).append('=')
                        .append(URLEncoder.encode(rows.get(k).get(columnAndParameter[0]).asText(), StandardCharsets.UTF_8));
            }
            assertEquals(rows.subList(k + 1, rows.size()), ndjson(export, after.toString()),
                    export.name() + " after row " + k + " of " + rows.size());
        }
    }

    /** Every item of the paged list, page after page. */
    private List<JsonNode> list(Export export, String filter) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = read(given().urlEncodingEnabled(false)
                    .get(export.list() + "?size=500&page=" + page + (filter.isEmpty() ? "" : "&" + filter))
                    .then().statusCode(200).extract().asString());
            found.forEach(items::add);
            if (found.size() < 500) {
                return items;
            }
        }
    }

    private List<JsonNode> ndjson(Export export, String query) {
        return ndjsonLines(export, query).stream().map(this::read).toList();
    }

    /** The lines of an NDJSON export; the query as written (its values URL-encoded where they need it). */
    private List<String> ndjsonLines(Export export, String query) {
        return given().urlEncodingEnabled(false).get(url(export, ".ndjson", query))
                .then().statusCode(200).extract().asString().lines().filter(line -> !line.isBlank()).toList();
    }

    private static String url(Export export, String format, String query) {
        return "/api/export/" + export.name() + format + (query.isEmpty() ? "" : "?" + query);
    }

    /** The part of a list item a field holds: a JSON pointer, or {@code #pointer} for the length of an array. */
    private static JsonNode part(JsonNode item, String where) {
        if (where.startsWith("#")) {
            JsonNode array = item.at(where.substring(1));
            return JSON.getNodeFactory().numberNode(array.isArray() ? array.size() : 0);
        }
        return item.at(where);
    }

    /** The same value: both absent or null, the same number, or the same text or JSON. */
    private static boolean same(JsonNode expected, JsonNode actual) {
        boolean noExpected = expected.isMissingNode() || expected.isNull();
        boolean noActual = actual.isMissingNode() || actual.isNull();
        if (noExpected || noActual) {
            return noExpected == noActual;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.isValueNode() ? expected.asText().equals(actual.asText()) : expected.equals(actual);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static Class<?> rowType(Export export) {
        return switch (export.name()) {
            case "outcomes" -> org.resultsflow.catalog.repository.OutcomeRow.class;
            case "indicators" -> org.resultsflow.catalog.repository.IndicatorRow.class;
            case "budgets" -> org.resultsflow.catalog.repository.BudgetRow.class;
            case "conflicts" -> org.resultsflow.catalog.repository.ConflictRow.class;
            default -> org.resultsflow.catalog.repository.DocumentRow.class;
        };
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    /**
     * Indicators of two outcomes, each with an undated baseline and a 2022 result two other documents contradict,
     * as the merge writes them: the result is a conflict, the baseline is not.
     */
    private void insertConflicting(String office, int indicators) {
        String parent = "'" + office + "_D_' || (1 + i % 2) || '.1'";
        String outcomeId = "'" + Seeds.PREFIX + office + "_D_' || (1 + i % 2)";
        String id = parent + " || '::I' || lpad(i::text, 5, '0')";
        String provenance = "jsonb_build_object('documentId', 'doc-%s', 'documentName', 'Plan %s', 'lines', "
                + "jsonb_build_object('first', %s, 'last', %s), 'asOf', '%s', 'asOfBasis', 'DECLARED_DATE')";
        pool.query("INSERT INTO canonical_record (record_type, record_id, office, parent_id, outcome_id, version, state,"
                + " updated_at, conflicts) SELECT 'indicator', " + id + ", '" + office + "', " + parent + ", " + outcomeId + ", 1,"
                + " jsonb_build_object('id', " + id + ", 'code', 'I' || i, 'statement', 'Things done, generated ' || i,"
                + " 'outcomeId', " + outcomeId + ", 'outputCode', " + parent + ", 'parentId', " + parent + ","
                + " 'office', '" + office + "', 'tags', '[]'::jsonb, 'aliases', '[]'::jsonb,"
                + " 'provenance', jsonb_build_object('statement', " + provenance.formatted("c", "c", "1", "2", "2023-12-31") + "),"
                + " 'observations', jsonb_build_array("
                + "   jsonb_build_object('year', null, 'kind', 'BASELINE', 'sequence', 1, 'headline', false,"
                + "     'value', jsonb_build_object('raw', '0', 'type', 'NUMBER', 'number', 0),"
                + "     'provenance', " + provenance.formatted("c", "c", "3", "3", "2023-12-31") + ", 'conflicts', '[]'::jsonb),"
                + "   jsonb_build_object('year', 2022, 'kind', 'RESULT', 'sequence', 1, 'headline', false,"
                + "     'value', jsonb_build_object('raw', (i % 7)::text || '%', 'type', 'PERCENT', 'number', i % 7),"
                + "     'provenance', " + provenance.formatted("c", "c", "4", "5", "2023-12-31") + ","
                + "     'conflicts', jsonb_build_array("
                + "       jsonb_build_object('value', jsonb_build_object('raw', 'TBC', 'type', 'TEXT'), 'provenance', "
                + provenance.formatted("a", "a", "10", "10", "2021-12-31") + "),"
                + "       jsonb_build_object('value', jsonb_build_object('raw', '12', 'type', 'NUMBER', 'number', 12),"
                + "         'provenance', " + provenance.formatted("b", "b", "20", "21", "2022-12-31") + "))))),"
                + " now(), 1 FROM generate_series(1, " + indicators + ") AS i").execute().await().indefinitely();
    }

}
