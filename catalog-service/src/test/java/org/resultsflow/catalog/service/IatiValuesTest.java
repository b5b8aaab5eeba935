package org.resultsflow.catalog.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * What an IATI activity file adds reaches the canonical indicator: its declared direction and measure, and
 * observations per period and dimension set, the target and the actual of each kept apart from the others'.
 */
class IatiValuesTest {

    static final String OUTCOME = "AA-AAA-123456789-ABC123";
    static final String RESULT = OUTCOME + "/R1";
    static final String INDICATOR = RESULT + "::I1";

    @Test
    void theCanonicalIndicatorKeepsDirectionPeriodsAndDimensions() throws Exception {
        SourceDocument document = new SourceDocument("cd".repeat(32), "activities.xml", "application/xml",
                "IATI_ACTIVITIES", LocalDate.of(2014, 9, 10), AsOfBasis.DECLARED_DATE);
        List<Dimension> women = List.of(new Dimension("sex", "female"));
        List<Dimension> men = List.of(new Dimension("sex", "male"));
        LocalDate start = LocalDate.of(2013, 1, 1);
        LocalDate end = LocalDate.of(2013, 3, 31);
        Indicator indicator = new Indicator(INDICATOR, "I1", "Indicator title", "indicator title", OUTCOME, RESULT,
                List.of(), List.of(
                        value(ObservationKind.MILESTONE, start, end, women, "10", 10),
                        value(ObservationKind.RESULT, start, end, women, "11", 20),
                        value(ObservationKind.MILESTONE, start, end, men, "9", 30),
                        value(ObservationKind.RESULT, start, end, men, "text", 40)),
                false, new LineRange(5, 50), "UNIT", false, true, "Indicator description text", List.of());
        String id = UUID.nameUUIDFromBytes((document.id() + "/" + INDICATOR).getBytes(StandardCharsets.UTF_8)).toString();
        InMemoryCatalog catalog = new InMemoryCatalog();
        List<CatalogEngine.Change> changes = catalog.apply(List.of(new ReceivedEvent<Object>(id,
                EventTypes.INDICATOR_REPORTED, new IndicatorReported(document, indicator))), true);
        for (CatalogEngine.Change change : changes) {
            assertEquals(List.of(), EventSchemas.violations(change.eventType(), change.payload()), change.payload().toString());
        }
        String state = catalog.dump().get(CatalogEngine.recordKey(RecordType.INDICATOR, INDICATOR));
        assertNotNull(state, "no canonical indicator in " + catalog.dump().keySet());
        JsonNode canonical = InMemoryCatalog.JSON.readTree(state);
        assertEquals(false, canonical.get("ascending").asBoolean(), "the declared direction: lower is better");
        assertEquals("UNIT", canonical.get("measure").asText());
        JsonNode observations = canonical.get("observations");
        assertEquals(4, observations.size(), observations.toString());
        for (JsonNode o : observations) {
            assertEquals("2013-01-01", o.get("periodStart").asText());
            assertEquals("2013-03-31", o.get("periodEnd").asText());
            assertEquals(1, o.get("dimensions").size());
        }
        JsonNode menActual = null;
        for (JsonNode o : observations) {
            if ("male".equals(o.at("/dimensions/0/value").asText()) && "RESULT".equals(o.get("kind").asText())) {
                menActual = o;
            }
        }
        assertNotNull(menActual);
        assertEquals("TEXT", menActual.at("/value/type").asText(), "a value that is no number stays text");
        assertEquals(40, menActual.at("/provenance/lines/first").asInt());
    }

    private static Observation value(ObservationKind kind, LocalDate start, LocalDate end, List<Dimension> dimensions,
            String raw, int line) {
        ObservedValue value = raw.matches("\\d+") ? new ObservedValue(raw, ValueType.NUMBER, new BigDecimal(raw), null)
                : new ObservedValue(raw, ValueType.TEXT, null, null);
        return new Observation(2013, kind, 1, false, value, new LineRange(line, line + 5), start, end, dimensions, null,
                List.of());
    }
}
