package org.resultsflow.catalog.service;

import org.resultsflow.catalog.Seeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.service.CatalogEngine;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ValueType;

/**
 * The merge rules on the five seeds: every order of arrival gives the same canonical state (a known value
 * beats a marker, then the later as-of, then the larger document id), redelivery changes nothing, and seed
 * 004's codeless indicators merge into seed 001's coded ones. Runs the catalog's own core on maps
 * (InMemoryCatalog) as plain JUnit, so that many orders cost milliseconds; SeedsOverKafkaTest runs a few of
 * them end to end.
 */
class MergeOrderTest {


    final ObjectMapper json = InMemoryCatalog.JSON;

    List<Seeds.Doc> docs;

    @BeforeEach
    void load() {
        docs = Seeds.load(json, null);
    }

    /** The state after the documents in this order, each as its three topics' batches. */
    Map<String, String> byDocuments(List<Seeds.Doc> order) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        for (Seeds.Doc doc : order) {
            doc.events().stream().collect(Collectors.groupingBy(Seeds.Event::topic)).values()
                    .forEach(batch -> catalog.apply(received(batch), true));
        }
        return catalog.dump();
    }

    static List<org.resultsflow.contracts.wire.ReceivedEvent<Object>> received(List<Seeds.Event> events) {
        return events.stream().map(Seeds.Event::received).toList();
    }

    @Test
    void everyOrderOfTheFiveSeedsGivesTheSameState() {
        Map<String, String> natural = byDocuments(docs);
        assertTrue(natural.size() > 80, "seeds give outcomes, indicators, budgets and funding: " + natural.size());

        List<Seeds.Doc> reverse = new ArrayList<>(docs);
        Collections.reverse(reverse);
        assertEquals(natural, byDocuments(reverse), "reverse order");

        Random random = new Random(Seeds.SHUFFLE_SEED);
        for (int i = 0; i < 12; i++) {
            List<Seeds.Doc> order = new ArrayList<>(docs);
            Collections.shuffle(order, random);
            assertEquals(natural, byDocuments(order), "order " + order.stream().map(d -> d.file().substring(0, 3)).toList());
        }

        // Finer than documents: every event on its own place, in batches of random size.
        List<Seeds.Event> all = docs.stream().flatMap(d -> d.events().stream()).collect(Collectors.toCollection(ArrayList::new));
        for (int i = 0; i < 5; i++) {
            Collections.shuffle(all, random);
            InMemoryCatalog catalog = new InMemoryCatalog();
            for (int from = 0; from < all.size(); ) {
                int to = Math.min(all.size(), from + 1 + random.nextInt(25));
                catalog.apply(received(all.subList(from, to)), true);
                from = to;
            }
            assertEquals(natural, catalog.dump(), "event shuffle " + i);
        }

        // All at once: the incremental result is the result of all claims together.
        InMemoryCatalog once = new InMemoryCatalog();
        once.apply(received(all), true);
        assertEquals(natural, once.dump(), "all events in one batch");
    }

    @Test
    void everyEventDeliveredTwiceChangesNothing() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        List<Seeds.Event> all = docs.stream().flatMap(d -> d.events().stream()).toList();
        all.forEach(e -> catalog.apply(received(List.of(e)), true));
        Map<String, String> state = catalog.dump();
        Map<String, CatalogEngine.Stored> versions = new HashMap<>(catalog.records());

        all.forEach(e -> assertEquals(List.of(), catalog.apply(received(List.of(e)), true), e.key()));
        // Even when the processed-event table does not stop it, a repeat only restates the same claims.
        all.forEach(e -> assertEquals(List.of(), catalog.apply(received(List.of(e)), false), e.key()));
        assertEquals(state, catalog.dump());
        assertEquals(versions, catalog.records());
    }

    @Test
    void codelessIndicatorsOf004MergeIntoTheCodedOnesOf001InEitherOrder() throws Exception {
        Seeds.Doc page = docs.get(1);
        Seeds.Doc pdf = docs.get(4);
        Map<String, String> pageFirst = byDocuments(List.of(page, pdf));
        assertEquals(pageFirst, byDocuments(List.of(pdf, page)));

        Map<String, Indicator> coded = new HashMap<>();
        indicators(page).forEach(i -> coded.put(ClaimMapper.parentOf(i) + "|" + i.normalisedStatement(), i));
        int matched = 0;
        int filled = 0;
        int kept = 0;
        int tbd = 0;
        for (Indicator codeless : indicators(pdf)) {
            assertNull(codeless.code());
            String parent = ClaimMapper.parentOf(codeless);
            String codelessId = parent + "::" + codeless.normalisedStatement();
            JsonNode own = state(pageFirst, codelessId);
            Indicator twin = coded.get(parent + "|" + codeless.normalisedStatement());
            if (twin == null) {
                // Seed 004 shows this one under MEX_D_2.1.3; seed 001 shows its statement only under MEX_D_2.1.1.
                assertEquals(codelessId, own.get("id").asText());
                assertEquals(0, own.get("aliases").size());
                continue;
            }
            matched++;
            String id = parent + "::" + twin.code();
            assertEquals(id, own.get("mergedInto").asText(), "the codeless key redirects to the coded one");
            JsonNode merged = state(pageFirst, id);
            assertEquals(twin.code(), merged.get("code").asText());
            assertTrue(contains(merged.get("aliases"), codelessId), "the match is recorded as an alias");

            Map<String, JsonNode> observations = new HashMap<>();
            merged.get("observations").forEach(o -> observations.put(o.get("year").asText() + o.get("kind").asText(), o));
            Map<String, Observation> fromPage = byYearAndKind(twin);
            Map<String, Observation> fromPdf = byYearAndKind(codeless);
            assertEquals(union(fromPage, fromPdf), observations.keySet().stream().sorted().toList());
            for (String key : observations.keySet()) {
                Observation a = fromPage.get(key);
                Observation b = fromPdf.get(key);
                JsonNode canonical = observations.get(key);
                // 004 is as of 2022-12-31, 001 as of 2021-12-31: the later known value wins, a marker never
                // erases a known value, and among markers the later document's stands.
                Observation expected;
                if (b != null && b.value().type() != ValueType.MARKER) {
                    expected = b;
                    if (a != null && a.value().type() == ValueType.MARKER) {
                        filled++;
                    }
                } else if (a != null && a.value().type() != ValueType.MARKER) {
                    expected = a;
                    kept++;
                } else {
                    expected = b != null ? b : a;
                    if (b == null) {
                        kept++;
                    }
                }
                assertEquals(expected.value().raw(), canonical.at("/value/raw").asText(), id + " " + key);
                assertEquals(expected == b ? pdf.documentId() : page.documentId(),
                        canonical.at("/provenance/documentId").asText(), id + " " + key);
                assertEquals(expected.lines().first(), canonical.at("/provenance/lines/first").asInt());
                if ("TBD".equals(canonical.at("/value/raw").asText())) {
                    tbd++;
                }
            }
        }
        assertEquals(38, matched, "all but one of 004's 39 indicators have a coded twin in 001");
        assertTrue(filled >= 40, "004's 2022/2023 values fill 001's gaps: " + filled);
        assertTrue(kept > 0, "001's values that 004 does not show stay: " + kept);
        assertTrue(tbd > 0, "where only markers exist the marker is the value (TBD)");

        JsonNode outcome = state(pageFirst, "XM-DAC-41146-MEX_D_2.1", RecordType.OUTCOME);
        assertEquals(3, outcome.get("outputs").size());
    }

    @Test
    void fundingOf003AndBudgetsOf001And004AreKeptPerYear() throws Exception {
        Map<String, String> state = byDocuments(docs);
        JsonNode funding = state(state, "XM-DAC-41146-MEX_D_4.1", RecordType.FUNDING);
        assertEquals(10, funding.get("contributions").size());
        JsonNode first = funding.get("contributions").get(0);
        assertEquals("Mexico", first.get("partner").asText());
        assertEquals(2021, first.get("year").asInt());
        assertEquals(docs.get(3).documentId(), first.at("/total/provenance/documentId").asText());

        JsonNode budget2021 = state(state, "MEX_D_2.1.3/2021", RecordType.BUDGET);
        JsonNode budget2022 = state(state, "MEX_D_2.1.3/2022", RecordType.BUDGET);
        assertEquals("$550.73 K", budget2021.at("/planned/raw").asText());
        assertEquals(docs.get(1).documentId(), budget2021.at("/planned/provenance/documentId").asText());
        assertEquals("$69.98 K", budget2022.at("/statedShortfall/raw").asText());
        assertEquals(docs.get(4).documentId(), budget2022.at("/statedShortfall/provenance/documentId").asText());
        assertNotNull(state.get("funding/XM-DAC-41146-MEX_D_2.1"), "004 shows funding of MEX_D_2.1");
        assertFalse(state.keySet().stream().anyMatch(k -> k.endsWith("/undated")), "003's table has no figures");
    }

    private JsonNode state(Map<String, String> dump, String id) throws Exception {
        return state(dump, id, RecordType.INDICATOR);
    }

    private JsonNode state(Map<String, String> dump, String id, RecordType type) throws Exception {
        String state = dump.get(CatalogEngine.recordKey(type, id));
        assertNotNull(state, type + " " + id + " is missing");
        return json.readTree(state);
    }

    private static List<Indicator> indicators(Seeds.Doc doc) {
        return doc.events().stream().filter(e -> e.data() instanceof IndicatorReported)
                .map(e -> ((IndicatorReported) e.data()).indicator()).toList();
    }

    private static Map<String, Observation> byYearAndKind(Indicator indicator) {
        Map<String, Observation> map = new HashMap<>();
        indicator.observations().forEach(o -> map.put(o.year() + o.kind().name(), o));
        return map;
    }

    private static List<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return new ArrayList<>(keys);
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode node : array) {
            if (text.equals(node.asText())) {
                return true;
            }
        }
        return false;
    }
}
