package org.resultsflow.catalog.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.results.Budget;
import org.resultsflow.contracts.results.BudgetReported;
import org.resultsflow.contracts.results.Dimension;
import org.resultsflow.contracts.results.FundingContribution;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.IndicatorReported;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Money;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.Outcome;
import org.resultsflow.contracts.results.OutcomeReported;
import org.resultsflow.contracts.results.Output;
import org.resultsflow.contracts.results.ProgressNote;
import org.resultsflow.contracts.results.SourceDocument;
import org.resultsflow.contracts.results.ValueType;
import org.resultsflow.contracts.rules.NormalisedStatement;
import org.resultsflow.contracts.wire.ReceivedEvent;

/**
 * Splits what a document says into claims: one per field of each entity it shows. Each claim belongs to a
 * merge group ({@link Claim#recordType} + {@link Claim#recordId}): the set of claims the canonical records
 * of that group are computed from.
 */
@ApplicationScoped
public class ClaimMapper {

    /** Entity types: the record a group is named after, and what is below it. */
    public static final String OUTCOME = RecordType.OUTCOME.value();
    public static final String INDICATOR = RecordType.INDICATOR.value();
    public static final String BUDGET = RecordType.BUDGET.value();
    public static final String OUTPUT = "output";
    /** A note on the outcome itself. */
    public static final String PROGRESS_NOTE = "progress_note";
    /** A note filed under one of the outcome's outputs. */
    public static final String OUTPUT_NOTE = "output_note";
    public static final String OBSERVATION = "observation";
    public static final String CONTRIBUTION = "contribution";
    /** What is said of an outcome's funding as a whole: the office the document gives it. */
    public static final String FUNDING = RecordType.FUNDING.value();

    /** The field of an observation claim: a table row, or an end-of-plan summary line with no row of its own. */
    public static final String ROW = "value";
    public static final String HEADLINE = "headline";

    /**
     * Separates the parts of an entity id that a key may not contain: {@code <indicator>#<year>#<kind>#<sequence>}
     * for an observation, {@code <entity>#<year>#<sequence>} for a note. The parts are read from the end, as
     * the indicator or output part may itself hold a '#'.
     */
    public static final String SEP = "#";
    public static final String UNDATED = "undated";

    private final ObjectMapper json;

    public ClaimMapper(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The note as one value: status and text belong together, with where its year came from and whether the
     * document ended inside it. Year and sequence are its identity, in the entity id.
     */
    public record NoteValue(String status, String text, ProgressNote.YearBasis yearBasis, boolean partial) {
    }

    /**
     * A funding contribution as one value: its amounts and shares belong together. Partner, year and sequence are
     * its identity, in the entity id; they are kept here too, as the partner name may hold a '#'.
     */
    public record ContributionValue(String partner, String partnerType, int year, Money total, Money development,
            Money humanitarian, BigDecimal developmentShare, BigDecimal humanitarianShare, Integer sequence) {

        /** The rank among the document's contributions of this partner and year; 1 for claims stored without one. */
        public int rank() {
            return sequence == null ? 1 : sequence;
        }
    }

    /**
     * An observation's identity below its indicator, read back from its entity id. A value for a stated period
     * or disaggregation (IATI) has them in its identity, so the target and the actual of one period and one
     * dimension set pair up, and the values for women and for men, or of two quarters, stay apart.
     */
    public record ObservationId(Integer year, ObservationKind kind, int sequence, LocalDate periodStart,
            LocalDate periodEnd, List<Dimension> dimensions) {

        public ObservationId {
            dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
        }

        public ObservationId(Integer year, ObservationKind kind, int sequence) {
            this(year, kind, sequence, null, null, List.of());
        }

        /**
         * The identity part of the entity id: {@code <year|undated>#<kind>#<sequence>}, the year part followed by
         * {@code @<start>/<end>@<name>=<value>,…} (URL-encoded, so never a '#') when a period or dimension is stated.
         */
        public String key() {
            String scope = periodStart == null && periodEnd == null && dimensions.isEmpty() ? ""
                    : SCOPE + periodStart + "/" + periodEnd + SCOPE + dimensions.stream()
                            .map(d -> encode(d.name()) + "=" + encode(d.value())).collect(Collectors.joining(","));
            return yearPart(year) + scope + SEP + kind.name() + SEP + sequence;
        }

        static ObservationId parse(String yearPart, ObservationKind kind, int sequence) {
            int at = yearPart.indexOf(SCOPE);
            if (at < 0) {
                return new ObservationId(ClaimMapper.year(yearPart), kind, sequence);
            }
            String[] scope = yearPart.substring(at + 1).split(SCOPE, -1);
            String[] period = scope[0].split("/", -1);
            List<Dimension> dimensions = new ArrayList<>();
            for (String d : scope[1].isEmpty() ? new String[0] : scope[1].split(",")) {
                String[] nv = d.split("=", -1);
                dimensions.add(new Dimension(decode(nv[0]), decode(nv[1])));
            }
            return new ObservationId(ClaimMapper.year(yearPart.substring(0, at)), kind, sequence, date(period[0]),
                    date(period[1]), dimensions);
        }

        private static String encode(String text) {
            return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
        }

        private static String decode(String text) {
            return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
        }

        private static LocalDate date(String text) {
            return "null".equals(text) ? null : LocalDate.parse(text);
        }
    }

    /** Separates the year of an observation's identity from its period and dimensions. */
    private static final String SCOPE = "@";

    /** A note's identity, read back from its entity id: the entity it is about, the year and the sequence. */
    public record NoteId(String entity, Integer year, int sequence) {
    }

    /** A merge group: the canonical records computed together from one set of claims. */
    public record Group(RecordType type, String id) implements Comparable<Group> {
        @Override
        public int compareTo(Group other) {
            int byType = type.compareTo(other.type);
            return byType != 0 ? byType : id.compareTo(other.id);
        }
    }

    /** A document's claims about one subject replace what the same document said about it before. */
    public record Replacement(String documentId, String recordType, String subject) {

        public static Replacement of(Claim claim) {
            return new Replacement(claim.documentId, claim.recordType, claim.subject);
        }
    }

    /**
     * What a batch of events says: its documents, its claims (one per entity, field and document; when two
     * events of the batch say the same, the later one counts), what they replace and which groups change.
     */
    public record Mapped(Map<String, SourceDocument> documents, List<Claim> claims, Set<Replacement> replacements,
            Set<Group> touched) {

        /** Whether a claim stored before is replaced by what this batch says. */
        public boolean replaces(Claim claim) {
            return replacements.contains(Replacement.of(claim));
        }
    }

    public Mapped map(List<? extends ReceivedEvent<?>> events, Instant now) {
        Map<String, SourceDocument> documents = new LinkedHashMap<>();
        Map<String, Claim> claims = new LinkedHashMap<>();
        Set<Replacement> replacements = new LinkedHashSet<>();
        Set<Group> touched = new java.util.TreeSet<>();
        for (ReceivedEvent<?> event : events) {
            List<Claim> said;
            SourceDocument document;
            if (event.data() instanceof OutcomeReported o) {
                said = outcomeClaims(o.document(), o.outcome(), now);
                document = o.document();
            } else if (event.data() instanceof IndicatorReported i) {
                said = indicatorClaims(i.document(), i.indicator(), now);
                document = i.document();
            } else if (event.data() instanceof BudgetReported b) {
                said = budgetClaims(b.document(), b.budget(), now);
                document = b.document();
            } else {
                throw new IllegalArgumentException("no claims in " + event.type());
            }
            documents.putIfAbsent(document.id(), document);
            for (Claim claim : said) {
                replacements.add(Replacement.of(claim));
                touched.add(groupOf(claim));
                claims.remove(uniqueKey(claim));
                claims.put(uniqueKey(claim), claim);
            }
        }
        return new Mapped(documents, new ArrayList<>(claims.values()), replacements, touched);
    }

    public static Group groupOf(Claim claim) {
        return new Group(RecordType.of(claim.recordType), claim.recordId);
    }

    /** The claim's identity in the database (see the claim_per_document constraint). */
    public static String uniqueKey(Claim claim) {
        return claim.entityType + '\u0000' + claim.entityId + '\u0000' + claim.field + '\u0000' + claim.documentId;
    }

    public List<Claim> outcomeClaims(SourceDocument document, Outcome outcome, Instant now) {
        List<Claim> claims = new ArrayList<>();
        String root = outcome.id();
        LineRange lines = outcome.lines();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Fields.CODE, outcome.code());
        fields.put(Fields.OFFICE, outcome.office());
        fields.put(Fields.PLAN_PERIOD, outcome.planPeriod());
        fields.put(Fields.STATEMENT, outcome.statement());
        fields.put(Fields.DESCRIPTION, outcome.description());
        fields.put(Fields.SDG_ALIGNMENT, outcome.sdgAlignment());
        fields.put(Fields.IMPACT_AREAS, outcome.impactAreas());
        fields.put(Fields.UN_SYSTEM_FUNCTIONS, outcome.unSystemFunctions());
        fields.put(Fields.POLICY_MARKER, outcome.policyMarker());
        fields.put(Fields.HUMANITARIAN_SCOPE, outcome.humanitarianScope());
        fields.forEach((field, value) -> {
            if (value != null) {
                claims.add(claim(document, RecordType.OUTCOME, root, root, OUTCOME, root, field, value, known(value), lines, now));
            }
        });
        for (Output output : nullSafe(outcome.outputs())) {
            String key = outputKey(root, output.code(), output.statement());
            if (key == null) {
                continue; // neither code nor statement: nothing to know the output by
            }
            claims.add(claim(document, RecordType.OUTCOME, root, root, OUTPUT, key, Fields.STATEMENT, output.statement(),
                    known(output.statement()), output.lines(), now));
            for (ProgressNote note : output.progressNotes()) {
                claims.add(noteClaim(document, root, OUTPUT_NOTE, key, note, now));
            }
        }
        for (ProgressNote note : nullSafe(outcome.progressNotes())) {
            claims.add(noteClaim(document, root, PROGRESS_NOTE, root, note, now));
        }
        return claims;
    }

    private Claim noteClaim(SourceDocument document, String outcomeId, String entityType, String entity,
            ProgressNote note, Instant now) {
        String id = entity + SEP + yearPart(note.year()) + SEP + note.sequence();
        return claim(document, RecordType.OUTCOME, outcomeId, outcomeId, entityType, id, Fields.NOTE,
                new NoteValue(note.status(), note.text(), note.yearBasis(), note.partial()), known(note.text()),
                note.lines(), now);
    }

    /**
     * The key an output is known by under its outcome: its code when shown, else
     * {@code <outcomeId>::<normalised statement>}; null when it shows neither.
     */
    public static String outputKey(String outcomeId, String code, String statement) {
        if (code != null && !code.isBlank()) {
            return code;
        }
        String normalised = statement == null ? "" : NormalisedStatement.of(statement);
        return normalised.isEmpty() ? null : ownId(outcomeId, null, normalised);
    }

    /** The code in an output key; null for the key of a codeless output (codes never hold "::"). */
    public static String outputCode(String outputKey) {
        return outputKey.contains("::") ? null : outputKey;
    }

    public static NoteId noteId(String entityId) {
        String[] parts = tail(entityId, 2);
        return new NoteId(parts[0], year(parts[1]), Integer.parseInt(parts[2]));
    }

    /**
     * An indicator's claims go to the group of its parent (output, else outcome): whether a codeless
     * indicator is the same as a coded one is decided among the indicators of one parent. The subject is
     * the id the indicator has on its own, computed here from its fields rather than taken from the event
     * key: {@code <parent>::<code>}, else {@code <parent>::<normalised statement>}.
     */
    public List<Claim> indicatorClaims(SourceDocument document, Indicator indicator, Instant now) {
        String parent = parentOf(indicator);
        // Ingest's normalisation, as the schema requires every indicator event to carry it.
        String normalised = indicator.normalisedStatement();
        String own = ownId(parent, indicator.code(), normalised);
        List<Claim> claims = new ArrayList<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(Fields.CODE, blankToNull(indicator.code()));
        fields.put(Fields.STATEMENT, indicator.statement());
        fields.put(Fields.NORMALISED_STATEMENT, normalised);
        fields.put(Fields.OUTCOME_ID, indicator.outcomeId());
        fields.put(Fields.OUTPUT_CODE, blankToNull(indicator.outputCode()));
        fields.put(Fields.TAGS, indicator.tags());
        fields.put(Fields.MEASURE, indicator.measure());
        fields.put(Fields.ASCENDING, indicator.ascending());
        fields.put(Fields.OFFICE, indicator.office());
        fields.forEach((field, value) -> {
            if (value != null) {
                claims.add(claim(document, RecordType.INDICATOR, parent, own, INDICATOR, own, field, value, known(value),
                        indicator.lines(), now));
            }
        });
        // Observations are indicator + year + kind + sequence: several blocks of one year and kind are distinct
        // values the page lists in order, so each is kept under its rank rather than recorded as a conflict
        // (which would mark the page as contradicting itself). A headline repeating a row of its own document
        // is that row's fact: only the row is claimed, so it neither doubles nor conflicts with it.
        List<Observation> observations = nullSafe(indicator.observations());
        Set<String> rows = new HashSet<>();
        observations.stream().filter(o -> !o.headline()).forEach(o -> rows.add(observationId(o).key()));
        for (Observation observation : observations) {
            String identity = observationId(observation).key();
            if (observation.headline() && rows.contains(identity)) {
                continue;
            }
            claims.add(claim(document, RecordType.INDICATOR, parent, own, OBSERVATION, own + SEP + identity,
                    observation.headline() ? HEADLINE : ROW, observation.value(),
                    observation.value().type() != ValueType.MARKER, observation.lines(), now));
        }
        return claims;
    }

    private static ObservationId observationId(Observation observation) {
        return new ObservationId(observation.year(), observation.kind(), observation.sequence(),
                observation.periodStart(), observation.periodEnd(), observation.dimensions());
    }

    public static ObservationId observationId(String entityId) {
        String[] parts = tail(entityId, 3);
        return ObservationId.parse(parts[1], ObservationKind.valueOf(parts[2]), Integer.parseInt(parts[3]));
    }

    /** The entity id without its last {@code count} parts, then those parts. */
    private static String[] tail(String entityId, int count) {
        String[] parts = new String[count + 1];
        int end = entityId.length();
        for (int i = count; i >= 1; i--) {
            int sep = entityId.lastIndexOf(SEP, end - 1);
            parts[i] = entityId.substring(sep + 1, end);
            end = sep;
        }
        parts[0] = entityId.substring(0, end);
        return parts;
    }

    private static String yearPart(Integer year) {
        return year == null ? UNDATED : year.toString();
    }

    private static Integer year(String part) {
        return UNDATED.equals(part) ? null : Integer.valueOf(part);
    }

    public static String parentOf(Indicator indicator) {
        return indicator.outputCode() == null || indicator.outputCode().isBlank() ? indicator.outcomeId()
                : indicator.outputCode();
    }

    public static String ownId(String parent, String code, String normalisedStatement) {
        return parent + "::" + (code == null || code.isBlank() ? normalisedStatement : code);
    }

    /**
     * Budget figures go to the group {@code <entityId>/<reportingYear>} (only when the document shows a
     * figure or, from IATI, a budget, planned disbursement or transaction); funding contributions to the group
     * of the outcome they fund.
     */
    public List<Claim> budgetClaims(SourceDocument document, Budget budget, Instant now) {
        List<Claim> claims = new ArrayList<>();
        Map<String, Money> figures = new LinkedHashMap<>();
        figures.put(Fields.PLANNED, budget.planned());
        figures.put(Fields.ACTUAL, budget.actual());
        figures.put(Fields.EXPENSES, budget.expenses());
        figures.put(Fields.STATED_SHORTFALL, budget.statedShortfall());
        figures.put(Fields.CORE, budget.core());
        figures.put(Fields.NON_CORE, budget.nonCore());
        if (figures.values().stream().anyMatch(java.util.Objects::nonNull) || !budget.flows().isEmpty()) {
            String id = budgetId(budget.entityId(), budget.reportingYear());
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put(Fields.ENTITY_ID, budget.entityId());
            fields.put(Fields.ENTITY_TYPE, budget.entityType());
            fields.put(Fields.OUTCOME_ID, budget.outcomeId());
            fields.put(Fields.REPORTING_YEAR, budget.reportingYear());
            fields.put(Fields.OFFICE, budget.office());
            fields.putAll(figures);
            fields.put(Fields.FLOWS, budget.flows().isEmpty() ? null : budget.flows());
            fields.forEach((field, value) -> {
                if (value != null) {
                    boolean known = !(value instanceof Money money) || stated(money);
                    claims.add(claim(document, RecordType.BUDGET, id, id, BUDGET, id, field, value, known, budget.lines(), now));
                }
            });
        }
        // A document may state an outcome's funding in several events, one per year (an IATI activity's incoming
        // funds, a PDF export's yearly tables): each event's funding claims are about that event's entity and
        // year, so that an event replaces only what it said itself and never another year's contributions.
        String fundingSubject = budgetId(budget.entityId(), budget.reportingYear());
        if (budget.office() != null && !nullSafe(budget.funding()).isEmpty()) {
            claims.add(claim(document, RecordType.FUNDING, budget.outcomeId(), fundingSubject, FUNDING,
                    fundingSubject, Fields.OFFICE, budget.office(), true, budget.lines(), now));
        }
        for (FundingContribution contribution : nullSafe(budget.funding())) {
            ContributionValue value = new ContributionValue(contribution.partner(), contribution.partnerType(),
                    contribution.year(), contribution.total(), contribution.development(), contribution.humanitarian(),
                    contribution.developmentShare(), contribution.humanitarianShare(), contribution.rank());
            boolean known = contribution.total() != null && stated(contribution.total());
            claims.add(claim(document, RecordType.FUNDING, budget.outcomeId(), fundingSubject, CONTRIBUTION,
                    contributionId(budget.outcomeId(), contribution.partner(), contribution.year(), contribution.rank()),
                    Fields.CONTRIBUTION, value, known, contribution.lines(), now));
        }
        return claims;
    }

    /**
     * A contribution is outcome + partner + year + sequence: two contributions one document states for one partner
     * and year (an IATI activity's two incoming-funds transactions) are two values, as two milestone blocks of one
     * year are, not one value stated twice. The first keeps the id {@code <outcome>#<partner>#<year>} it had before
     * sequences, so it still meets the claims other documents made of it; a later one is {@code …#<year>#<sequence>}.
     */
    public static String contributionId(String outcomeId, String partner, int year, int sequence) {
        String id = outcomeId + SEP + partner + SEP + year;
        return sequence <= 1 ? id : id + SEP + sequence;
    }

    /** An amount is known when it is a number, in US dollars or in the currency the document names. */
    private static boolean stated(Money money) {
        return money.usd() != null || money.amount() != null;
    }

    public static String budgetId(String entityId, Integer reportingYear) {
        return entityId + "/" + yearPart(reportingYear);
    }

    private Claim claim(SourceDocument document, RecordType recordType, String recordId, String subject,
            String entityType, String entityId, String field, Object value, boolean known, LineRange lines,
            Instant now) {
        Claim claim = Claim.unmanaged();
        claim.recordType = recordType.value();
        claim.recordId = recordId;
        claim.subject = subject;
        claim.entityType = entityType;
        claim.entityId = entityId;
        claim.field = field;
        claim.documentId = document.id();
        claim.documentName = document.name();
        claim.documentSource = document.source();
        claim.asOf = document.asOf();
        claim.asOfBasis = document.asOfBasis().name();
        claim.known = known;
        claim.value = write(value);
        if (lines != null) {
            claim.firstLine = lines.first();
            claim.lastLine = lines.last();
        }
        claim.recordedAt = now;
        return claim;
    }

    private static boolean known(Object value) {
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> list) {
            return !list.isEmpty();
        }
        return value != null;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + value, e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
