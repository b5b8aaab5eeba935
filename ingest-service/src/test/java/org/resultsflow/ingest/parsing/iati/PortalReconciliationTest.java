package org.resultsflow.ingest.parsing.iati;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.ingest.parsing.DocumentParser;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.ParseWarning;
import org.resultsflow.ingest.parsing.Samples;

/**
 * An IATI activity that states, in its references, which portal output and indicator its result and indicator
 * are gets the portal's identities, and its whole-year values without dimensions the portal's observation
 * identity; everything else keeps its IATI place. The portal side is the Mexico sample page of 2021 as the
 * portal parser reads it, so both identities come from the code that gives them.
 */
class PortalReconciliationTest {

    static final String FILE = "portal-outcome-MEX_D_2.1.xml";
    static final String OUTCOME = "XM-DAC-41146-MEX_D_2.1";
    static final String INDICATOR = "MEX_D_2.1.2::MEX_D_2.1.2A";
    static final String PAGE = "001_32a555cdcd01bebc.txt";

    static Extraction iati;
    static Extraction page;

    @BeforeAll
    static void read() throws Exception {
        iati = IatiParser.parse(IatiSamples.bytes("iati/" + FILE), null);
        page = new DocumentParser().parse(IatiSamples.bytes("samples/" + PAGE), "text/plain; charset=utf-8");
    }

    @Test
    void theFileIsValidAndItsActivityIsThePortalOutcome() {
        assertEquals(List.of(), iati.warnings().stream().map(ParseWarning::message).toList());
        assertEquals(OUTCOME, iati.outcomes().get(0).id());
        assertEquals("MEX_D_2.1", iati.outcomes().get(0).code());
        assertEquals("MEX", iati.outcomes().get(0).office());
        assertEquals(page.outcomes().get(0).id(), iati.outcomes().get(0).id());
    }

    @Test
    void aResultStatingAnOutputCodeIsThatOutputAndOtherResultsKeepTheirPlace() {
        List<String> codes = iati.outcomes().get(0).outputs().stream().map(Output::code).toList();
        assertEquals(List.of("MEX_D_2.1.2", OUTCOME + "/R2"), codes);
        assertTrue(page.outcomes().get(0).outputs().stream().anyMatch(o -> "MEX_D_2.1.2".equals(o.code())));
    }

    @Test
    void indicatorsMeetThePortalsOnlyByAStatedCodeOfThePublishersVocabulary() {
        Map<String, Indicator> byKey = byKey(iati.indicators());
        assertEquals(List.of(INDICATOR, "MEX_D_2.1.2::I2", OUTCOME + "/R2::I1"),
                iati.indicators().stream().map(Indicator::key).toList(),
                "the second indicator's code is in another vocabulary (1): no portal code; R2 states no output");
        Indicator reconciled = byKey.get(INDICATOR);
        Indicator portal = byKey(page.indicators()).get(INDICATOR);
        assertEquals(portal.key(), reconciled.key());
        assertEquals(portal.code(), reconciled.code());
        assertEquals(portal.outputCode(), reconciled.outputCode());
        assertEquals(portal.outcomeId(), reconciled.outcomeId());
        assertEquals("MEX", reconciled.office());
        assertEquals("MEX_D_2.1.2", byKey.get("MEX_D_2.1.2::I2").outputCode());
        assertEquals("I2", byKey.get("MEX_D_2.1.2::I2").code());
    }

    @Test
    void wholeYearValuesWithoutDimensionsHaveThePortalsIdentityOthersKeepTheirPeriod() {
        Map<String, Observation> iatiValues = identities(byKey(iati.indicators()).get(INDICATOR));
        Map<String, Observation> pageValues = identities(byKey(page.indicators()).get(INDICATOR));
        for (String identity : List.of("2018 BASELINE 1", "2020 MILESTONE 1", "2020 RESULT 1", "2021 MILESTONE 1",
                "2021 RESULT 1")) {
            assertTrue(pageValues.containsKey(identity), identity + " on the page: " + pageValues.keySet());
            assertTrue(iatiValues.containsKey(identity), identity + " in the file: " + iatiValues.keySet());
        }
        assertEquals("59", pageValues.get("2021 RESULT 1").value().raw());
        assertEquals("61", iatiValues.get("2021 RESULT 1").value().raw());
        assertEquals(new LineRange(46, 46), iatiValues.get("2021 RESULT 1").lines());
        assertEquals(pageValues.get("2020 MILESTONE 1").value().number(), iatiValues.get("2020 MILESTONE 1").value().number());

        Observation women = iatiValues.get("2022 MILESTONE 1 2022-01-01/2022-12-31 [female]");
        assertEquals("155", women.value().raw(), "a value for women only is not the year's value: " + iatiValues.keySet());
        assertEquals(List.of(new Dimension("sex", "female")), women.dimensions());
        Observation julyToJune = iatiValues.get("2022 MILESTONE 1 2021-07-01/2022-06-30 []");
        assertEquals("120", julyToJune.value().raw(), "a July-June period is not a calendar year");
        assertEquals(LocalDate.of(2021, 7, 1), julyToJune.periodStart());
        assertEquals(8, iatiValues.size(), iatiValues.keySet().toString());
    }

    @Test
    void indicatorsThatMeetNoPortalIndicatorKeepTheirPeriods() {
        Observation unreconciled = byKey(iati.indicators()).get("MEX_D_2.1.2::I2").observations().get(0);
        assertEquals(LocalDate.of(2021, 1, 1), unreconciled.periodStart());
        assertEquals(LocalDate.of(2021, 12, 31), unreconciled.periodEnd());
    }

    @Test
    void theBudgetYearIsThePortalOutcomesBudgetYear() {
        assertEquals(1, iati.budgets().size());
        assertEquals(OUTCOME, iati.budgets().get(0).entityId());
        assertEquals(2021, iati.budgets().get(0).reportingYear());
        assertTrue(page.budgets().stream().anyMatch(b -> OUTCOME.equals(b.entityId()) && b.reportingYear() == 2021));
    }

    @Test
    void codesThatAreAmbiguousRepeatedOrOfAnotherOutcomeStateNothing() throws Exception {
        String xml = ActivityFiles.HEAD + " <iati-activity default-currency=\"USD\">\n"
                + "  <iati-identifier>" + OUTCOME + "</iati-identifier>\n"
                + "  <reporting-org ref=\"XM-DAC-41146\" type=\"40\"><narrative>UN Women</narrative></reporting-org>\n"
                + "  <title><narrative>Outcome</narrative></title>\n"
                + result("<reference vocabulary=\"99\" code=\"MEX_D_2.1.1\"/><reference vocabulary=\"99\" code=\"MEX_D_2.1.2\"/>",
                        "<reference vocabulary=\"99\" code=\"MEX_D_2.1.1A\"/>")
                + result("<reference vocabulary=\"99\" code=\"MEX_D_2.2.1\"/>", "<reference vocabulary=\"99\" code=\"MEX_D_2.2.1A\"/>")
                + result("<reference vocabulary=\"99\" code=\"MEX_D_2.1.3\"/>", "<reference vocabulary=\"99\" code=\"MEX_D_2.1.3\"/>")
                + result("<reference vocabulary=\"99\" code=\"MEX_D_2.1.3\"/>", "<reference vocabulary=\"99\" code=\"MEX_D_2.1.3A\"/>")
                + " </iati-activity>\n" + ActivityFiles.TAIL;
        Extraction read = IatiParser.parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(List.of(OUTCOME + "/R1", OUTCOME + "/R2", "MEX_D_2.1.3", OUTCOME + "/R4"),
                read.outcomes().get(0).outputs().stream().map(Output::code).toList(),
                "two output codes; an output of another outcome; a code stated by an earlier result");
        assertEquals(List.of(OUTCOME + "/R1::I1", OUTCOME + "/R2::I1", "MEX_D_2.1.3::I1", OUTCOME + "/R4::I1"),
                read.indicators().stream().map(Indicator::key).toList(), "an output code is no indicator code");
        List<String> warnings = read.warnings().stream().map(ParseWarning::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("several codes") && w.contains("MEX_D_2.1.1, MEX_D_2.1.2")),
                warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("states output MEX_D_2.1.3 as an earlier result does")),
                warnings.toString());
    }

    private static String result(String references, String indicatorReferences) {
        return "  <result type=\"1\">\n   <title><narrative>Result</narrative></title>\n   " + references + "\n"
                + "   <indicator measure=\"1\">\n    <title><narrative>Indicator</narrative></title>\n    "
                + indicatorReferences + "\n   </indicator>\n  </result>\n";
    }

    /**
     * The extraction the catalog's tests replay as ingest publishes it ({@code golden/<file>.json}); on a
     * difference the actual extraction is written to {@code target/golden-actual/}.
     */
    @Test
    void extractionMatchesItsGolden() throws Exception {
        ObjectMapper json = Samples.JSON;
        Path out = Path.of("target", "golden-actual", FILE + ".json");
        Files.createDirectories(out.getParent());
        String actual = json.writeValueAsString(iati);
        Files.writeString(out, actual);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("golden/" + FILE + ".json")) {
            if (in == null) {
                fail("no golden/" + FILE + ".json; the actual extraction is in " + out);
            }
            JsonNode expected = json.readTree(in);
            assertTrue(expected.equals(json.readTree(actual)), "extraction differs from golden/" + FILE + ".json; see " + out);
        }
    }

    private static Map<String, Indicator> byKey(List<Indicator> indicators) {
        return indicators.stream().collect(Collectors.toMap(Indicator::key, Function.identity()));
    }

    /** Table rows by {@code <year> <kind> <sequence>}, then the period and dimension values where the value has them. */
    private static Map<String, Observation> identities(Indicator indicator) {
        assertNull(indicator.observations().stream().filter(o -> o.kind() == null).findAny().orElse(null));
        return indicator.observations().stream().filter(o -> !o.headline()).collect(Collectors.toMap(o -> o.year() + " " + o.kind() + " "
                + o.sequence() + (o.periodStart() == null && o.dimensions().isEmpty() ? ""
                        : " " + o.periodStart() + "/" + o.periodEnd() + " "
                                + o.dimensions().stream().map(Dimension::value).toList()),
                Function.identity()));
    }
}
