package org.resultsflow.ingest.parsing.iati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.ingest.parsing.DocumentParser;
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.ParseWarning;

/** Never drop, never guess: broken, hostile and placeholder IATI files. */
class IatiRobustnessTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Each file of {@code should-fail/} with the fault it must be reported with ({@code should-fail-faults.csv}). */
    static Stream<Arguments> shouldFail() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IatiSamples.class.getClassLoader().getResourceAsStream("iati/should-fail-faults.csv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\\|", 2);
                    cases.add(Arguments.of(parts[0], parts[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldFail")
    void eachSchemaBreakingCaseIsReadWithTheWarningThatNamesItsFault(String file, String fault) throws Exception {
        byte[] content = IatiSamples.bytes("iati/should-fail/" + file);
        if (fault.startsWith("REFUSED ")) {
            // not even well-formed XML: there is nothing to read, and the refusal says why
            DocumentRejectedException e = assertThrows(DocumentRejectedException.class, () -> IatiParser.parse(content, null));
            assertEquals(DocumentRejectedException.Reason.MALFORMED_XML, e.reason());
            assertTrue(e.getMessage().contains(fault.substring("REFUSED ".length())), e.getMessage());
            return;
        }
        Extraction extraction = IatiParser.parse(content, null);
        List<String> messages = extraction.warnings().stream().map(ParseWarning::message).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains(fault)), "no warning names '" + fault + "' in " + messages);
        assertEquals(1, extraction.outcomes().size(), "the activity is read for what it states");
        assertNoNumberInvented(extraction, new String(content, StandardCharsets.UTF_8));
    }

    @Test
    void aNonNumericValueStaysTextAndIsNeverZero() throws Exception {
        Extraction e = IatiParser.parse(IatiSamples.bytes("iati/should-fail/result/15-missing-indicator-baseline-comment-narrative.xml"), null);
        Observation baseline = e.indicators().get(0).observations().get(0);
        assertEquals("N=35;P=55", baseline.value().raw());
        assertEquals(ValueType.TEXT, baseline.value().type());
        assertNull(baseline.value().number());
        Extraction budget = IatiParser.parse(IatiSamples.bytes("iati/should-fail/budget/12-non-decimal-value.xml"), null);
        Budget b = budget.budgets().get(0);
        assertEquals("eryr", b.flows().get(0).value().raw());
        assertNull(b.flows().get(0).value().amount());
        assertNull(b.planned(), "no yearly total from an amount that is no number");
    }

    @Test
    void aPeriodWithoutAnEndKeepsItsValuesWithoutAYear() throws Exception {
        Extraction e = IatiParser.parse(IatiSamples.bytes("iati/should-fail/result/17-missing-indicator-period-period-end.xml"), null);
        for (Observation o : e.indicators().get(0).observations()) {
            if (o.periodStart() != null) {
                assertNull(o.year());
                assertNull(o.periodEnd());
            }
        }
    }

    @Test
    void theEveryElementPlaceholderFileParsesWithWarningsAndNoInventedNumber() throws Exception {
        byte[] content = IatiSamples.bytes(IatiSamples.EVERY_ELEMENT);
        Extraction e = IatiParser.parse(content, null);
        assertEquals(2, e.outcomes().size());
        assertFalse(e.warnings().isEmpty());
        for (Indicator i : e.indicators()) {
            for (Observation o : i.observations()) {
                assertEquals(ValueType.TEXT, o.value().type(), "placeholder 'text' is never a number: " + o);
                assertNull(o.value().number());
            }
        }
        for (Budget b : e.budgets()) {
            b.flows().forEach(f -> assertNull(f.value().usd(), "currency 'TEXT' is no US dollar: " + f));
        }
        assertTrue(e.warnings().stream().anyMatch(w -> w.message().contains("currency 'TEXT' is not an ISO 4217 code")));
        assertTrue(e.warnings().stream().anyMatch(w -> w.message().contains("target value 'text' is not a number")));
        assertNoNumberInvented(e, new String(content, StandardCharsets.UTF_8));
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <iati-activities version="2.03"><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>
                """;
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new DocumentParser().parse(xxe.getBytes(StandardCharsets.UTF_8), "application/xml"));
        assertEquals(DocumentRejectedException.Reason.UNSAFE_XML, e.reason());
        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
    }

    @Test
    void anEntityExpansionIsRefused() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        bomb.append("]>\n<iati-activities><iati-activity><iati-identifier>&lol9;</iati-identifier></iati-activity></iati-activities>\n");
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new DocumentParser().parse(bomb.toString().getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertEquals(DocumentRejectedException.Reason.UNSAFE_XML, e.reason());
    }

    @Test
    void anUndeclaredEntityIsRefusedNotExpanded() {
        String text = "<iati-activities><iati-activity><iati-identifier>&foo;</iati-identifier></iati-activity></iati-activities>";
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new DocumentParser().parse(text.getBytes(StandardCharsets.UTF_8), "application/xml"));
        assertTrue(e.reason() == DocumentRejectedException.Reason.UNSAFE_XML
                || e.reason() == DocumentRejectedException.Reason.MALFORMED_XML, e.reason().name());
    }

    @Test
    void anOrganisationFileIsRecognisedAndRefusedSayingSo() {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new DocumentParser().parse(IatiSamples.bytes(IatiSamples.ORGANISATION), "application/xml"));
        assertEquals(DocumentRejectedException.Reason.UNKNOWN_LAYOUT, e.reason());
        assertTrue(e.getMessage().contains("organisation file"), e.getMessage());
        assertTrue(e.getMessage().contains("<iati-activities>"), "says what is read: " + e.getMessage());
        // Refused at its root: nothing after it is read, not even a record that breaks off.
        DocumentRejectedException atRoot = assertThrows(DocumentRejectedException.class, () -> new DocumentParser().parse(
                "<iati-organisations version=\"2.03\"><iati-organisation><total-budget"
                        .getBytes(StandardCharsets.UTF_8), "application/xml"));
        assertEquals(DocumentRejectedException.Reason.UNKNOWN_LAYOUT, atRoot.reason(), atRoot.getMessage());
    }

    @Test
    void otherXmlIsRefusedNamingItsRoot() {
        DocumentRejectedException e = assertThrows(DocumentRejectedException.class,
                () -> new DocumentParser().parse("<html><body/></html>".getBytes(StandardCharsets.UTF_8), "text/xml"));
        assertTrue(e.getMessage().contains("<html>"), e.getMessage());
    }

    @Test
    void aFileOfManyActivitiesIsOneDocumentWithARecordAndLineRangePerActivity() throws Exception {
        String file = ActivityFiles.generate(50);
        Extraction e = new DocumentParser().parse(file.getBytes(StandardCharsets.UTF_8), "application/xml; charset=UTF-8");
        assertEquals(50, e.outcomes().size());
        assertEquals(50, e.indicators().size());
        String[] lines = file.split("\n", -1);
        LineRange previous = null;
        for (int n = 0; n < 50; n++) {
            LineRange range = e.outcomes().get(n).lines();
            assertTrue(lines[range.first() - 1].contains("<iati-activity "), "activity " + n + " starts at " + range);
            assertTrue(lines[range.last() - 1].contains("</iati-activity>"), "activity " + n + " ends at " + range);
            assertTrue(lines[range.first()].contains(ActivityFiles.identifier(n)), "activity " + n + " is " + range);
            assertTrue(previous == null || previous.last() < range.first());
            previous = range;
        }
        assertEquals(List.of(), e.warnings(), "the generated activities are valid against 2.03");
    }

    /**
     * Every number in the extraction (amounts, values, percentages; not line numbers, ranks or years read from
     * dates) appears in the file as published.
     */
    static void assertNoNumberInvented(Extraction extraction, String file) {
        JsonNode tree = JSON.valueToTree(Map.of("outcomes", extraction.outcomes(), "indicators", extraction.indicators(),
                "budgets", extraction.budgets()));
        List<String> invented = new ArrayList<>();
        collect(tree, "", invented, file);
        assertEquals(List.of(), invented, "numbers that the file does not show");
    }

    private static void collect(JsonNode node, String path, List<String> invented, String file) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), path + "/" + f.getKey(), invented, file));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, invented, file);
            }
        } else if (node.isNumber() && !path.matches(".*/(first|last|sequence|year|reportingYear)$")) {
            String shown = new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
            if (!file.contains(shown)) {
                invented.add(path + "=" + shown);
            }
        }
    }
}
