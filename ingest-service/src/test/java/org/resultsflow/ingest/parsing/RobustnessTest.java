package org.resultsflow.ingest.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.ValueType;

/** Variations the samples do not show: other offices and years, cut pages, repeats, contradictions. */
class RobustnessTest {

    private final DocumentParser parser = new DocumentParser(ParserLimits.defaults());

    private Extraction parse(String text) throws DocumentRejectedException {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private static String firstLines(String sample, int n) {
        return String.join("\n", Samples.lines(sample).subList(0, n));
    }

    private static boolean warned(Extraction x, int line, String fragment) {
        return x.warnings().stream().anyMatch(w -> w.line() == line && w.message().contains(fragment));
    }

    @Test
    void outcomePageOfAnotherOfficeAndYear() throws Exception {
        String text = Samples.text(Samples.S001).replace("MEX_D_", "ZAF_D_").replace("Showing data of : 2021", "Showing data of : 2023");
        Extraction x = parse(text);
        assertEquals(Layout.OUTCOME_PAGE, x.layout());
        Outcome o = x.outcomes().get(0);
        assertEquals("XM-DAC-41146-ZAF_D_2.1", o.id());
        assertEquals("ZAF", o.office());
        assertEquals("ZAF", x.facts().office());
        assertEquals(2023, x.facts().dataYear());
        assertEquals(2023, o.progressNotes().get(0).year());
        assertTrue(x.budgets().stream().allMatch(b -> b.reportingYear() == 2023));
        assertEquals(List.of("ZAF_D_2.1.1", "ZAF_D_2.1.3", "ZAF_D_2.1.2"),
                o.outputs().stream().map(out -> out.code()).collect(Collectors.toList()));
        assertTrue(x.indicators().stream().anyMatch(i -> "ZAF_D_2.1.1A".equals(i.code())));
    }

    @Test
    void pageCutInTheMiddleOfAnIndicatorBlock() throws Exception {
        // seed 001 up to line 476: MEX_D_2.1.1A's "2021 / Milestone" stands without its value
        Extraction x = parse(firstLines(Samples.S001, 476));
        Indicator a = x.indicators().stream().filter(i -> "MEX_D_2.1.1A".equals(i.code())).findFirst().orElseThrow();
        assertTrue(a.partial(), "the block is cut: marked partial");
        assertNull(find(a, 2021, ObservationKind.MILESTONE));
        assertEquals("0", find(a, 2019, ObservationKind.BASELINE).value().raw());
        assertEquals("1", find(a, 2020, ObservationKind.MILESTONE).value().raw());
        assertEquals("1", find(a, 2020, ObservationKind.RESULT).value().raw());
        // the headline "2021 Result 7" still states the 2021 result, shown on line 466
        assertEquals("7", find(a, 2021, ObservationKind.RESULT).value().raw());
        assertEquals(466, find(a, 2021, ObservationKind.RESULT).lines().first());
        assertTrue(a.observations().stream().allMatch(ob -> ob.year() == null || ob.year() <= 2021));
        assertTrue(x.outcomes().get(0).progressNotes().isEmpty());
    }

    @Test
    void pageCutRightAfterAnIndicatorCode() throws Exception {
        Extraction x = parse(firstLines(Samples.S001, 501)); // ends with MEX_D_2.1.1B's statement
        assertTrue(x.indicators().stream().noneMatch(i -> "MEX_D_2.1.1B".equals(i.code())));
        assertTrue(warned(x, 500, "MEX_D_2.1.1B shows no values"), x.warnings().toString());
    }

    @Test
    void pdfExportCutInTheMiddleOfAStatement() throws Exception {
        Extraction x = parse(firstLines(Samples.S004, 122)); // "Number of laws that were adopted, revised / or repealed ..."
        assertEquals(1, x.indicators().size(), "only the complete first indicator");
        assertTrue(warned(x, 121, "shows no values"), x.warnings().toString());
    }

    @Test
    void valuePairWithDifferentTokensIsKeptAsShownWithAWarning() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Samples.lines(Samples.S001));
        assertEquals("7 7", lines.get(478));
        lines.set(478, "7 8"); // line 479: MEX_D_2.1.1A result 2021
        Extraction x = parse(String.join("\n", lines));
        Indicator a = x.indicators().stream().filter(i -> "MEX_D_2.1.1A".equals(i.code())).findFirst().orElseThrow();
        assertTrue(warned(x, 479, "differ"), x.warnings().toString());
        Observation row = a.observations().stream()
                .filter(o -> !o.headline() && Integer.valueOf(2021).equals(o.year()) && o.kind() == ObservationKind.RESULT)
                .findFirst().orElseThrow();
        assertEquals("7 8", row.value().raw());
        assertEquals(ValueType.TEXT, row.value().type(), "never read as either number");
    }

    @Test
    void headlineContradictingItsRowKeepsBothAndSaysSo() throws Exception {
        String text = Samples.text(Samples.S001).replace("2021 Result 59", "2021 Result 58");
        Extraction x = parse(text);
        Indicator a = x.indicators().stream().filter(i -> "MEX_D_2.1.2A".equals(i.code())).findFirst().orElseThrow();
        List<String> results2021 = a.observations().stream()
                .filter(o -> Integer.valueOf(2021).equals(o.year()) && o.kind() == ObservationKind.RESULT)
                .map(o -> (o.headline() ? "headline " : "row ") + o.value().raw()).toList();
        assertEquals(List.of("headline 58", "row 59"), results2021);
        assertTrue(warned(x, 1001, "headline"), x.warnings().toString());
    }

    @Test
    void progressNotesListOfARegionalOffice() throws Exception {
        String text = String.join("\n",
                "Country Indexes",
                "outcome XM-DAC-41146-RD_O_1.2",
                "By 2021, regional coordination mechanisms integrate gender equality.",
                "Significant progress was made towards this outcome in 2019. Twelve countries joined the network.",
                "outcome RD_O_1.3",
                "By 2021, knowledge products on gender statistics are used by member states.",
                "Progress was uneven across the region, as in earlier years. Three studies were published.",
                "outcome XM-DAC-41146-RD_O_1.2",
                "By 2021, regional coordination mechanisms integrate gender equality.",
                "Significant progress was made towards this outcome in 2019. Twelve countries joined the network.");
        Extraction x = parse(text);
        assertEquals(Layout.PROGRESS_NOTES_LIST, x.layout());
        assertEquals("RD", x.facts().office());
        assertEquals(2, x.outcomes().size(), "the repeated block is merged");
        Outcome first = x.outcomes().get(0);
        assertEquals("XM-DAC-41146-RD_O_1.2", first.id());
        assertEquals(1, first.progressNotes().size());
        assertEquals(2019, first.progressNotes().get(0).year());
        assertEquals("SIGNIFICANT_PROGRESS", first.progressNotes().get(0).status());
        Outcome second = x.outcomes().get(1);
        assertEquals("XM-DAC-41146-RD_O_1.3", second.id(), "prefix added to a bare code");
        assertEquals(1, second.progressNotes().size(), "a note is never dropped");
        assertNull(second.progressNotes().get(0).year(), "no year is stated anywhere");
        assertTrue(warned(x, 7, "kept without a year"), x.warnings().toString());
        assertTrue(warned(x, 10, "repeated"), x.warnings().toString());
    }

    @Test
    void countryReportOfAnotherCountryAndYear() throws Exception {
        String text = String.join("\n",
                "Progress in South Africa country in 2022", "",
                "Data as of: 5 March 2023", "",
                "OUTCOME XM-DAC-41146-ZAF_D_1.1", "",
                "By 2025, women and girls live a life free from violence.", "",
                "The outcome was achieved in 2022. Shelters in three provinces were supported.", "",
                "OUTCOME XM-DAC-41146-ZAF_D_2.1", "",
                "By 2025, women have income security.", "",
                "Some progress was made towards this outcome in 2021. Training reached 300 women.");
        Extraction x = parse(text);
        assertEquals(Layout.COUNTRY_PROGRESS_REPORT, x.layout());
        assertEquals(LocalDate.of(2023, 3, 5), x.facts().declaredAsOf());
        assertEquals(2022, x.facts().dataYear());
        assertEquals("ZAF", x.facts().office());
        assertEquals("ACHIEVED", x.outcomes().get(0).progressNotes().get(0).status());
        assertEquals(2022, x.outcomes().get(0).progressNotes().get(0).year());
        ProgressNote second = x.outcomes().get(1).progressNotes().get(0);
        assertEquals(2022, second.year(), "a note in the 2022 report is of 2022, whatever it mentions");
        assertEquals(ProgressNote.YearBasis.PAGE, second.yearBasis());
        assertTrue(warned(x, 15, "speaks of 2021"), x.warnings().toString());
    }

    @Test
    void countryHeaderOfAnotherCountryIsNotTheOffice() throws Exception {
        Extraction x = Samples.parse(Samples.S001);
        assertEquals("MEX", x.facts().office());
        assertEquals("2020-2025", x.facts().planPeriod(), "not the header's Afghanistan 2018-2022");
    }

    @Test
    void markersNeverBecomeZero() {
        for (String sample : List.of(Samples.S001, Samples.S004)) {
            for (Indicator i : Samples.parse(sample).indicators()) {
                for (Observation o : i.observations()) {
                    if (!o.value().isKnown()) {
                        assertNull(o.value().number(), i.key() + " " + o);
                        assertNull(o.value().flag(), i.key() + " " + o);
                    }
                    assertFalse(o.value().isKnown() && o.value().raw().isBlank());
                }
            }
        }
    }

    private static Observation find(Indicator i, int year, ObservationKind kind) {
        return i.observations().stream().filter(o -> o.year() == year && o.kind() == kind).findFirst().orElse(null);
    }
}
