package org.resultsflow.catalog.service;

import org.resultsflow.catalog.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * What pages of other offices show beyond the seeds: several blocks under one year label, a baseline with no
 * year, an end-of-plan headline, text values, notes without a year, outputs without a code. Driven in memory
 * (InMemoryCatalog) so that every arrival order of the documents, and random batchings of their events, can be
 * tried; each published change is checked against its schema.
 */
class SequencedValuesTest {

    static final String OUTCOME = "XM-DAC-41146-SEQ_D_1.1";
    static final String OUTPUT = "SEQ_D_1.1.1";
    static final String INDICATOR = OUTPUT + "::T_1";

    final ObjectMapper json = InMemoryCatalog.JSON;

    final SourceDocument older = document("older.txt", LocalDate.of(2023, 12, 31), null);
    final SourceDocument newer = document("newer.txt", LocalDate.of(2024, 12, 31), "https://example.org/page?year=2024");
    final SourceDocument summary = document("summary.txt", LocalDate.of(2022, 12, 31), null);

    /** Three documents, one event each for the indicator and the outcome. */
    List<List<ReceivedEvent<Object>>> documents() {
        List<ReceivedEvent<Object>> a = List.of(
                indicator(older, row(2023, ObservationKind.MILESTONE, 1, number("4"), 10),
                        row(2023, ObservationKind.MILESTONE, 2, number("5"), 11),
                        row(2023, ObservationKind.MILESTONE, 3, number("6"), 12),
                        row(2023, ObservationKind.MILESTONE, 4, number("7"), 13),
                        row(null, ObservationKind.BASELINE, 1, marker("-"), 9)),
                outcome(older, List.of(note(null, 1, "First undated note.", 30), note(null, 2, "Second undated note.", 31)),
                        List.of(new Output(null, "Capacities  strengthened", List.of(note(2023, 1, "Output note.", 40)),
                                new LineRange(38, 41)))));
        List<ReceivedEvent<Object>> b = List.of(
                indicator(newer, row(2023, ObservationKind.MILESTONE, 1, number("4"), 20),
                        row(2023, ObservationKind.MILESTONE, 2, number("9"), 21),
                        row(null, ObservationKind.BASELINE, 1, text("12 (cumulative)"), 19),
                        row(2026, ObservationKind.RESULT, 1, number("12"), 22),
                        new Observation(2026, ObservationKind.RESULT, 1, true, number("12"), LineRange.of(5))),
                outcome(newer, List.of(note(2024, 1, "Dated note.", 50)), List.of()));
        List<ReceivedEvent<Object>> c = List.of(
                indicator(summary, new Observation(2025, ObservationKind.TARGET, 1, true, text("3 (new)"), LineRange.of(3))),
                outcome(summary, List.of(), List.of(new Output(null, "Capacities strengthened",
                        List.of(note(null, 1, "Undated output note.", 60)), new LineRange(58, 61)))));
        return List.of(a, b, c);
    }

    @Test
    void everyOrderOfArrivalKeepsEverySequenceAndEveryNote() throws Exception {
        List<List<ReceivedEvent<Object>>> documents = documents();
        InMemoryCatalog natural = new InMemoryCatalog();
        documents.forEach(events -> natural.apply(events, true));
        Map<String, String> expected = natural.dump();
        natural.published().forEach(this::assertValid);

        for (List<Integer> order : List.of(List.of(0, 2, 1), List.of(1, 0, 2), List.of(1, 2, 0), List.of(2, 0, 1),
                List.of(2, 1, 0))) {
            InMemoryCatalog catalog = new InMemoryCatalog();
            order.forEach(i -> catalog.apply(documents.get(i), true));
            assertEquals(expected, catalog.dump(), "documents in order " + order);
            catalog.published().forEach(this::assertValid);
        }
        Random random = new Random(SequencedValuesTest.class.getName().hashCode());
        List<ReceivedEvent<Object>> all = new ArrayList<>(documents.stream().flatMap(List::stream).toList());
        for (int i = 0; i < 6; i++) {
            Collections.shuffle(all, random);
            InMemoryCatalog catalog = new InMemoryCatalog();
            for (int from = 0; from < all.size(); ) {
                int to = Math.min(all.size(), from + 1 + random.nextInt(3));
                catalog.apply(all.subList(from, to), true);
                from = to;
            }
            assertEquals(expected, catalog.dump(), "event shuffle " + i);
        }

        JsonNode indicator = state(expected, RecordType.INDICATOR, INDICATOR);
        List<JsonNode> milestones = new ArrayList<>();
        indicator.get("observations").forEach(o -> {
            if (o.get("year").asInt() == 2023 && "MILESTONE".equals(o.get("kind").asText())) {
                milestones.add(o);
            }
        });
        assertEquals(List.of(1, 2, 3, 4), milestones.stream().map(o -> o.get("sequence").asInt()).toList(),
                "four 2023 milestones, each under its rank");
        assertEquals(List.of("4", "9", "6", "7"), milestones.stream().map(o -> o.at("/value/raw").asText()).toList(),
                "the newer document's second block wins; the older one's third and fourth stay");
        assertEquals(0, milestones.get(0).get("conflicts").size(), "the same value twice is no conflict");
        assertEquals("5", milestones.get(1).at("/conflicts/0/value/raw").asText(), "what differs at one rank conflicts");
        assertEquals(0, milestones.get(2).get("conflicts").size(), "ranks of one page never conflict with each other");

        JsonNode first = indicator.at("/observations/0");
        assertTrue(first.get("year").isNull(), "the undated baseline comes first");
        assertEquals("BASELINE", first.get("kind").asText());
        assertEquals("TEXT", first.at("/value/type").asText(), "a text value is a known value: it beats the marker");
        assertEquals("12 (cumulative)", first.at("/value/raw").asText());
        assertEquals(newer.source(), first.at("/provenance/source").asText());

        JsonNode result2026 = find(indicator, 2026, "RESULT");
        assertFalse(result2026.get("headline").asBoolean(), "a headline repeating its row is that row");
        assertEquals(22, result2026.at("/provenance/lines/first").asInt(), "provenance from the row");
        assertEquals(0, result2026.get("conflicts").size());
        JsonNode target2025 = find(indicator, 2025, "TARGET");
        assertTrue(target2025.get("headline").asBoolean(), "a headline with no row is an ordinary observation");
        assertEquals("3 (new)", target2025.at("/value/raw").asText());

        JsonNode outcome = state(expected, RecordType.OUTCOME, OUTCOME);
        JsonNode notes = outcome.get("progressNotes");
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(0).get("year").isNull());
        assertEquals(List.of(1, 2), List.of(notes.get(0).get("sequence").asInt(), notes.get(1).get("sequence").asInt()),
                "two undated notes of one outcome are both kept");
        assertEquals("NONE", notes.get(0).get("yearBasis").asText());
        assertEquals(2024, notes.get(2).get("year").asInt());

        JsonNode outputs = outcome.get("outputs");
        assertEquals(1, outputs.size(), "the codeless output of both documents is one output: " + outputs);
        assertTrue(outputs.get(0).get("code").isNull());
        JsonNode outputNotes = outputs.get(0).get("progressNotes");
        assertEquals(2, outputNotes.size(), outputNotes.toString());
        assertTrue(outputNotes.get(0).get("year").isNull());
        assertEquals("Undated output note.", outputNotes.get(0).get("text").asText());
        assertEquals("Output note.", outputNotes.get(1).get("text").asText());
    }

    @Test
    void redeliveryOfSequencedValuesChangesNothing() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        List<ReceivedEvent<Object>> all = documents().stream().flatMap(List::stream).toList();
        all.forEach(e -> catalog.apply(List.of(e), true));
        Map<String, String> state = catalog.dump();
        all.forEach(e -> assertEquals(List.of(), catalog.apply(List.of(e), false)));
        assertEquals(state, catalog.dump());
    }

    private void assertValid(CatalogEngine.Change change) {
        assertEquals(List.of(), EventSchemas.violations(change.eventType(), change.payload()),
                change.payload().toString());
    }

    private JsonNode state(Map<String, String> dump, RecordType type, String id) throws Exception {
        String state = dump.get(CatalogEngine.recordKey(type, id));
        assertNotNull(state, type + " " + id + " is missing from " + dump.keySet());
        return json.readTree(state);
    }

    private static JsonNode find(JsonNode indicator, int year, String kind) {
        for (JsonNode o : indicator.get("observations")) {
            if (o.get("year").asInt() == year && kind.equals(o.get("kind").asText())) {
                return o;
            }
        }
        throw new AssertionError("no " + year + " " + kind + " in " + indicator);
    }

    private static ReceivedEvent<Object> indicator(SourceDocument document, Observation... observations) {
        Indicator indicator = new Indicator(INDICATOR, "T_1", "Number of things", "number of things", OUTCOME, OUTPUT,
                List.of(), List.of(observations), false, new LineRange(1, 30));
        return event(document, EventTypes.INDICATOR_REPORTED, INDICATOR, new IndicatorReported(document, indicator));
    }

    private static ReceivedEvent<Object> outcome(SourceDocument document, List<ProgressNote> notes, List<Output> outputs) {
        Outcome outcome = new Outcome(OUTCOME, "SEQ_D_1.1", "SEQ", "2022-2026", "Statement", null, List.of(), List.of(),
                List.of(), null, null, outputs, notes, new LineRange(1, 70));
        return event(document, EventTypes.OUTCOME_REPORTED, OUTCOME, new OutcomeReported(document, outcome));
    }

    private static ReceivedEvent<Object> event(SourceDocument document, String type, String key, Object data) {
        String id = UUID.nameUUIDFromBytes((document.id() + '/' + type + '/' + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new ReceivedEvent<>(id, type, data);
    }

    static Observation row(Integer year, ObservationKind kind, int sequence, ObservedValue value, int line) {
        return new Observation(year, kind, sequence, false, value, LineRange.of(line));
    }

    static ProgressNote note(Integer year, int sequence, String text, int line) {
        return new ProgressNote(year, null, sequence, "UNSTATED", text, false, LineRange.of(line));
    }

    static ObservedValue number(String raw) {
        return new ObservedValue(raw, ValueType.NUMBER, new BigDecimal(raw), null);
    }

    static ObservedValue text(String raw) {
        return new ObservedValue(raw, ValueType.TEXT, null, null);
    }

    static ObservedValue marker(String raw) {
        return new ObservedValue(raw, ValueType.MARKER, null, null);
    }

    static SourceDocument document(String name, LocalDate asOf, String source) {
        return new SourceDocument(Seeds.sha256(name.getBytes(StandardCharsets.UTF_8)), name, "text/plain",
                "OUTCOME_PAGE", asOf, AsOfBasis.DATA_YEAR, source);
    }
}
