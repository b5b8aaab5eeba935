package org.resultsflow.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.rules.ReportedEventIds;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * The events ingest publishes for the five sample documents, and for a constructed IATI file about one of their
 * outcomes, built from its extraction goldens exactly as its ExtractionMapper does: document id = SHA-256 of the
 * document's bytes, as-of = declared date, else 31 December of the data year, else none; event ids as ingest gives
 * them ({@link ReportedEventIds}).
 *
 * <p>A namespace gives the same documents other identities (office code, hence outcome, output and
 * indicator ids, and document ids), so that several end-to-end runs can share one database and broker.
 */
public final class Seeds {

    /** One seed for every shuffled order of the tests, so that a failing order can be run again. */
    public static final long SHUFFLE_SEED = 20261122L;

    public static final List<String> FILES = List.of("000_e25761c67d39ad5b.txt", "001_32a555cdcd01bebc.txt",
            "002_09399b8b1f137ae9.txt", "003_cf5ee7f4fb6c2d90.txt", "004_40431d85d19755e1.txt");
    /** Ingest's constructed IATI activity of outcome MEX_D_2.1, whose references state sample 001's codes. */
    public static final String IATI_MEX_D_2_1 = "portal-outcome-MEX_D_2.1.xml";
    public static final String OFFICE = "MEX";
    /** Seed 003 shows no outcome id; ingest resolves it (its statement is that of this outcome in seed 002). */
    public static final String OUTCOME_OF_003 = "MEX_D_4.1";
    public static final String PREFIX = "XM-DAC-41146-";
    /** Every document the kit knows: the samples and the IATI file. */
    private static final List<String> ALL = Stream.concat(FILES.stream(), Stream.of(IATI_MEX_D_2_1)).toList();

    /** One event as ingest would publish it. */
    public record Event(String topic, String type, String key, String id, Object data) {
        public ReceivedEvent<Object> received() {
            return new ReceivedEvent<>(id, type, data);
        }
    }

    /** One sample document and its events, in ingest's order (outcomes, indicators, budgets). */
    public record Doc(String file, String documentId, List<Event> events) {
    }

    /** The seeds under another office code and other document ids; {@code null} for the real ones. */
    public record Namespace(String office, Map<String, String> documentIds) {

        public static Namespace of(String office) {
            if (!office.matches("[A-Z]+") || office.equals(OFFICE)) {
                throw new IllegalArgumentException(office);
            }
            Map<String, String> ids = new LinkedHashMap<>();
            for (String file : ALL) {
                String real = sha256(document(file));
                ids.put(real, sha256((office + '/' + real).getBytes(StandardCharsets.UTF_8)));
            }
            return new Namespace(office, ids);
        }

        /** Text of this namespace back in the real seeds' identities. */
        public String toReal(String text) {
            String real = text.replace(office + "_", OFFICE + "_").replace("\"office\":\"" + office + "\"",
                    "\"office\":\"" + OFFICE + "\"");
            for (Map.Entry<String, String> id : documentIds.entrySet()) {
                real = real.replace(id.getValue(), id.getKey());
            }
            return real;
        }
    }

    private Seeds() {
    }

    public static List<Doc> load(ObjectMapper json, Namespace namespace) {
        List<Doc> docs = new ArrayList<>();
        for (String file : FILES) {
            docs.add(load(json, file, namespace));
        }
        return docs;
    }

    public static Doc load(ObjectMapper json, String file, Namespace namespace) {
        try {
            String golden = new String(resource("golden/" + file + ".json"), StandardCharsets.UTF_8);
            String office = namespace == null ? OFFICE : namespace.office();
            if (namespace != null) {
                golden = golden.replace(OFFICE + "_", office + "_")
                        .replaceAll("\"office\"\\s*:\\s*\"" + OFFICE + "\"", "\"office\" : \"" + office + "\"");
            }
            JsonNode extraction = json.readTree(golden);
            String realId = sha256(document(file));
            String documentId = namespace == null ? realId : namespace.documentIds().get(realId);
            SourceDocument document = sourceDocument(documentId, file,
                    file.endsWith(".xml") ? "application/xml" : "text/plain", extraction);
            String outcomeOf003 = PREFIX + OUTCOME_OF_003.replace(OFFICE + "_", office + "_");

            List<Event> events = new ArrayList<>();
            for (JsonNode node : extraction.get("outcomes")) {
                if (node.get("id").isNull()) {
                    ((ObjectNode) node).put("id", outcomeOf003).put("code", outcomeOf003.substring(PREFIX.length()))
                            .put("office", office);
                }
                Outcome outcome = json.treeToValue(node, Outcome.class);
                events.add(event("results.outcomes", EventTypes.OUTCOME_REPORTED, document, outcome.id(),
                        new OutcomeReported(document, outcome)));
            }
            for (JsonNode node : extraction.get("indicators")) {
                Indicator indicator = json.treeToValue(node, Indicator.class);
                events.add(event("results.indicators", EventTypes.INDICATOR_REPORTED, document, indicator.key(),
                        new IndicatorReported(document, indicator)));
            }
            for (JsonNode node : extraction.get("budgets")) {
                if (node.get("entityId").isNull()) {
                    ((ObjectNode) node).put("entityId", outcomeOf003).put("outcomeId", outcomeOf003);
                }
                Budget budget = json.treeToValue(node, Budget.class);
                events.add(event("results.budgets", EventTypes.BUDGET_REPORTED, document, budget.entityId(), ReportedEventIds.about(budget),
                        new BudgetReported(document, budget)));
            }
            return new Doc(file, documentId, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As ingest's ExtractionMapper: declared date, else 31 December of the data year, else none. */
    public static SourceDocument sourceDocument(String id, String name, String mediaType, JsonNode extraction) {
        JsonNode facts = extraction.get("facts");
        LocalDate asOf = null;
        AsOfBasis basis = AsOfBasis.NONE;
        if (!facts.path("declaredAsOf").isNull() && facts.has("declaredAsOf")) {
            asOf = LocalDate.parse(facts.get("declaredAsOf").asText());
            basis = AsOfBasis.DECLARED_DATE;
        } else if (!facts.path("dataYear").isNull() && facts.has("dataYear")) {
            asOf = LocalDate.of(facts.get("dataYear").asInt(), Month.DECEMBER, 31);
            basis = AsOfBasis.DATA_YEAR;
        }
        return new SourceDocument(id, name, mediaType, extraction.get("layout").asText(), asOf, basis);
    }

    private static Event event(String topic, String type, SourceDocument document, String key, Object data) {
        return event(topic, type, document, key, key, data);
    }

    private static Event event(String topic, String type, SourceDocument document, String key, String about,
            Object data) {
        return new Event(topic, type, key, ReportedEventIds.of(document.id(), type, about), data);
    }

    /** The bytes of a sample page ({@code samples/}) or of an IATI file ({@code iati/}). */
    static byte[] document(String file) {
        return resource((file.endsWith(".xml") ? "iati/" : "samples/") + file);
    }

    private static byte[] resource(String path) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + path + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
