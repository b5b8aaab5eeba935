package org.resultsflow.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.contracts.catalog.BudgetChanged;
import org.resultsflow.contracts.catalog.CatalogBudget;
import org.resultsflow.contracts.catalog.CatalogFunding;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogMoney;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.CatalogOutcome;
import org.resultsflow.contracts.catalog.CatalogOutput;
import org.resultsflow.contracts.catalog.CatalogProgressNote;
import org.resultsflow.contracts.catalog.FundingChanged;
import org.resultsflow.contracts.catalog.IndicatorChanged;
import org.resultsflow.contracts.catalog.OutcomeChanged;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.BudgetEntityType;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.infra.EventStreams;

/**
 * The catalog.changes events the catalog would publish after ingesting seeds 001, 003 and 004, built from the
 * ingest goldens (exact extractions of the seeds, read from ingest-service's test resources) with the
 * catalog's merge rules (DESIGN §5): a later as-of wins (004 shows 2022 data, 001 shows 2021), a marker never erases a known value,
 * a codeless indicator takes the id of the coded one with the same parent and normalised statement.
 *
 * <p>Seed 003 does not show which outcome it summarises; its statement is MEX_D_4.1's (seed 002), so its
 * funding and notes are published for that outcome, as a caller of ingest would say.
 */
public final class SeedCatalog {

    public static final String PREFIX = "XM-DAC-41146-";
    public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One event as catalog.changes carries it. */
    public record Event(String key, String type, String id, String json) {
        public void send(EventStreams streams) {
            streams.send("catalog.changes", key, id, type, json);
        }
    }

    private record Document(String name, String id, LocalDate asOf, JsonNode extraction) {
    }

    private final UnaryOperator<String> office;
    private final String officeCode;

    /**
     * @param office replaces the office "MEX" wherever it occurs in ids and codes, so that a test can publish
     *     the seeds under an office of its own; {@code "MEX"} for the seeds as they are
     */
    public SeedCatalog(String office) {
        this.officeCode = office;
        this.office = s -> s == null ? null : s.replace("MEX_", office + "_");
    }

    public List<Event> events() {
        Document d001 = load("001_32a555cdcd01bebc", "d06e9903f98de4d0d757d74bdd05829d0508aac76aa6b8e3212f0b138d63e9c3", 2021);
        Document d003 = load("003_cf5ee7f4fb6c2d90", "a36c2d40a1ac1b980ea30c8817428a63de6bbf7a3cda536b9bee23b9f1bbba3e", 0);
        Document d004 = load("004_40431d85d19755e1", "67b0b6187e70b2c99def271735f28e818b680f5a62c6840c6874805db40fde9a", 2022);
        List<Event> events = new ArrayList<>();
        events.addAll(outcomes(d001, d003, d004));
        events.addAll(indicators(List.of(d001, d004)));
        events.addAll(budgets(List.of(d001, d004)));
        events.addAll(funding(d003, d004));
        return events;
    }

    // --- outcomes ------------------------------------------------------------------------------------------

    private List<Event> outcomes(Document d001, Document d003, Document d004) {
        List<Event> events = new ArrayList<>();
        JsonNode o001 = d001.extraction().get("outcomes").get(0);
        JsonNode o004 = d004.extraction().get("outcomes").get(0);
        String mex21 = office.apply(PREFIX + "MEX_D_2.1");
        List<CatalogOutput> outputs = new ArrayList<>();
        for (JsonNode output : o004.get("outputs")) {
            outputs.add(new CatalogOutput(office.apply(text(output, "code")), text(output, "statement"),
                    provenance(d004, output.get("lines")), notes(d004, output)));
        }
        List<CatalogProgressNote> notes = new ArrayList<>();
        notes.addAll(notes(d001, o001));
        notes.addAll(notes(d004, o004));
        events.add(outcome(mex21, o004.get("statement").asText(), o004.get("planPeriod").asText(), outputs, notes,
                provenance(d004, o004.get("lines"))));

        JsonNode o003 = d003.extraction().get("outcomes").get(0);
        String mex41 = office.apply(PREFIX + "MEX_D_4.1");
        events.add(outcome(mex41, text(o003, "statement"), "2020-2025", List.of(), notes(d003, o003),
                provenance(d003, o003.get("lines"))));
        return events;
    }

    private Event outcome(String id, String statement, String planPeriod, List<CatalogOutput> outputs,
            List<CatalogProgressNote> notes, Provenance provenance) {
        CatalogOutcome outcome = new CatalogOutcome(id, id.substring(PREFIX.length()), officeCode, planPeriod, statement,
                null, List.of(), List.of(), List.of(), null, null, Map.of("statement", provenance), outputs, notes);
        return event(id, EventTypes.CATALOG_OUTCOME, new OutcomeChanged(id, 1, List.of("statement"), changedAt(), outcome));
    }

    /**
     * The notes of an outcome or output. Goldens written before notes had a sequence, a year basis and
     * outputs had notes read as the first of their year, their basis derived from the year.
     */
    private static List<CatalogProgressNote> notes(Document document, JsonNode entity) {
        List<CatalogProgressNote> notes = new ArrayList<>();
        for (JsonNode note : entity.path("progressNotes")) {
            notes.add(new CatalogProgressNote(integer(note, "year"),
                    note.hasNonNull("yearBasis") ? ProgressNote.YearBasis.valueOf(note.get("yearBasis").asText()) : null,
                    note.path("sequence").asInt(1), text(note, "status"), text(note, "text"),
                    note.path("partial").asBoolean(false), provenance(document, note.get("lines"))));
        }
        return notes;
    }

    // --- indicators ----------------------------------------------------------------------------------------

    private static final class Merged {
        String id;
        String code;
        String statement;
        String normalised;
        String outcomeId;
        String outputCode;
        String parentId;
        final List<String> aliases = new ArrayList<>();
        final Map<String, CatalogObservation> observations = new LinkedHashMap<>();
    }

    private List<Event> indicators(List<Document> documents) {
        Map<String, Merged> byId = new LinkedHashMap<>();
        for (Document document : documents) {
            for (JsonNode indicator : document.extraction().get("indicators")) {
                String outputCode = office.apply(text(indicator, "outputCode"));
                String outcomeId = office.apply(text(indicator, "outcomeId"));
                String parent = outputCode != null ? outputCode : outcomeId;
                String code = office.apply(text(indicator, "code"));
                String normalised = text(indicator, "normalisedStatement");
                String key = code != null ? parent + "::" + code : parent + "::" + normalised;
                Merged merged = byId.get(key);
                if (merged == null && code == null) {
                    merged = byId.values().stream()
                            .filter(m -> m.parentId.equals(parent) && normalised.equals(m.normalised)).findFirst()
                            .orElse(null);
                    if (merged != null) {
                        merged.aliases.add(parent + "::" + normalised);
                    }
                }
                if (merged == null) {
                    merged = new Merged();
                    merged.id = key;
                    merged.parentId = parent;
                    merged.normalised = normalised;
                    byId.put(key, merged);
                }
                merged.code = code != null ? code : merged.code;
                merged.statement = text(indicator, "statement");
                merged.outcomeId = outcomeId;
                merged.outputCode = outputCode;
                // A headline repeating a row of its document is that row (the catalog keeps the row's claim).
                java.util.Set<String> rows = new java.util.HashSet<>();
                indicator.get("observations").forEach(o -> {
                    if (!o.path("headline").asBoolean(false)) {
                        rows.add(observationKey(o));
                    }
                });
                for (JsonNode observation : indicator.get("observations")) {
                    if (!observation.path("headline").asBoolean(false) || !rows.contains(observationKey(observation))) {
                        merge(merged, document, observation);
                    }
                }
            }
        }
        List<Event> events = new ArrayList<>();
        for (Merged m : byId.values()) {
            CatalogIndicator indicator = new CatalogIndicator(m.id, m.code, m.statement, m.normalised, m.outcomeId,
                    m.outputCode, m.parentId, officeCode, List.of(), m.aliases, Map.of(),
                    new ArrayList<>(m.observations.values()));
            events.add(event(m.id, EventTypes.CATALOG_INDICATOR,
                    new IndicatorChanged(m.id, 1, List.of("observations"), changedAt(), indicator)));
        }
        return events;
    }

    /**
     * Goldens of either shape: written before observations had a sequence, a headline flag and a printed
     * token, an observation is the first of its year and kind, a row, printed once; its year may be null.
     */
    private static void merge(Merged merged, Document document, JsonNode observation) {
        Integer year = integer(observation, "year");
        ObservationKind kind = ObservationKind.valueOf(observation.get("kind").asText());
        int sequence = observation.path("sequence").asInt(1);
        boolean headline = observation.path("headline").asBoolean(false);
        JsonNode v = observation.get("value");
        ObservedValue value = new ObservedValue(text(v, "raw"), ValueType.valueOf(v.get("type").asText()),
                v.hasNonNull("number") ? new BigDecimal(v.get("number").asText()) : null,
                v.hasNonNull("flag") ? v.get("flag").asBoolean() : null, text(v, "printed"));
        String key = observationKey(observation);
        CatalogObservation current = merged.observations.get(key);
        boolean replaces = current == null || value.isKnown() || !current.value().isKnown();
        if (replaces) {
            merged.observations.put(key, new CatalogObservation(year, kind, sequence, headline, value,
                    provenance(document, observation.get("lines")), List.of()));
        }
    }

    // --- budgets and funding -------------------------------------------------------------------------------

    private List<Event> budgets(List<Document> documents) {
        List<Event> events = new ArrayList<>();
        for (Document document : documents) {
            for (JsonNode budget : document.extraction().get("budgets")) {
                String entityId = office.apply(text(budget, "entityId"));
                int year = budget.get("reportingYear").asInt();
                String id = entityId + "/" + year;
                Provenance p = provenance(document, budget.get("lines"));
                CatalogBudget catalogBudget = new CatalogBudget(id, entityId,
                        BudgetEntityType.valueOf(budget.get("entityType").asText()),
                        office.apply(text(budget, "outcomeId")), officeCode, year,
                        money(budget.get("planned"), p), money(budget.get("actual"), p), money(budget.get("expenses"), p),
                        money(budget.get("statedShortfall"), p), money(budget.get("core"), p),
                        money(budget.get("nonCore"), p));
                events.add(event(id, EventTypes.CATALOG_BUDGET,
                        new BudgetChanged(id, 1, List.of("planned", "actual", "expenses"), changedAt(), catalogBudget)));
            }
        }
        return events;
    }

    private List<Event> funding(Document d003, Document d004) {
        return List.of(funding(office.apply(PREFIX + "MEX_D_4.1"), d003), funding(office.apply(PREFIX + "MEX_D_2.1"), d004));
    }

    private Event funding(String outcomeId, Document document) {
        List<CatalogFunding.Contribution> contributions = new ArrayList<>();
        for (JsonNode budget : document.extraction().get("budgets")) {
            for (JsonNode f : budget.get("funding")) {
                Provenance p = provenance(document, f.get("lines"));
                contributions.add(new CatalogFunding.Contribution(f.get("partner").asText(), text(f, "partnerType"),
                        f.get("year").asInt(), money(f.get("total"), p), money(f.get("development"), p),
                        money(f.get("humanitarian"), p), decimal(f, "developmentShare"), decimal(f, "humanitarianShare")));
            }
        }
        CatalogFunding funding = new CatalogFunding(outcomeId, officeCode, contributions);
        return event(outcomeId, EventTypes.CATALOG_FUNDING,
                new FundingChanged(outcomeId, 1, List.of("contributions"), changedAt(), funding));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static CatalogMoney money(JsonNode money, Provenance provenance) {
        if (money == null || money.isNull()) {
            return null;
        }
        return new CatalogMoney(money.get("raw").asText(), new BigDecimal(money.get("usd").asText()), provenance);
    }

    private static Provenance provenance(Document document, JsonNode lines) {
        LineRange range = lines == null || lines.isNull() ? null
                : new LineRange(lines.get("first").asInt(), lines.get("last").asInt());
        return new Provenance(document.id(), document.name(), range, document.asOf(),
                document.asOf() == null ? AsOfBasis.NONE : AsOfBasis.DATA_YEAR);
    }

    /** Year (null when none), kind and sequence (1 when the golden has none): an observation's identity. */
    private static String observationKey(JsonNode observation) {
        return integer(observation, "year") + "/" + observation.get("kind").asText() + "/"
                + observation.path("sequence").asInt(1);
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant changedAt() {
        return Instant.parse("2024-11-23T00:00:00Z");
    }

    private static Event event(String key, String type, Object data) {
        try {
            return new Event(key, type, UUID.randomUUID().toString(), JSON.writeValueAsString(data));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document load(String name, String documentId, int dataYear) {
        try (InputStream in = SeedCatalog.class.getResourceAsStream("/golden/" + name + ".txt.json")) {
            return new Document(name + ".txt", documentId, dataYear == 0 ? null : LocalDate.of(dataYear, 12, 31),
                    JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
