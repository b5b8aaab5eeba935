package org.resultsflow.catalog.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.resultsflow.catalog.mapping.ClaimMapper;
import org.resultsflow.catalog.mapping.Fields;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.Claim;
import org.resultsflow.contracts.catalog.CatalogIndicator;
import org.resultsflow.contracts.catalog.CatalogObservation;
import org.resultsflow.contracts.catalog.Provenance;
import org.resultsflow.contracts.results.ObservedValue;

/**
 * The canonical indicators of one parent (output, else outcome), computed from all claims about the
 * indicators under it. Identity resolution happens here, as a function of the whole claim set, so the
 * result never depends on which document came first:
 * <ul>
 *   <li>a coded indicator is {@code <parent>::<code>};</li>
 *   <li>a codeless one whose normalised statement is a statement of exactly one coded indicator of the same
 *       parent is that indicator: its claims count for it, and its own id {@code <parent>::<statement>}
 *       becomes an alias and a merged-into record;</li>
 *   <li>any other codeless one (no twin, or an ambiguous statement) is {@code <parent>::<statement>}.</li>
 * </ul>
 */
@ApplicationScoped
public class IndicatorMerge {

    /** Year (none first), kind, then the rank the page listed the value at. */
    public static final Comparator<CatalogObservation> OBSERVATION_ORDER = Comparator
            .comparing(CatalogObservation::year, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(CatalogObservation::kind)
            .thenComparingInt(CatalogObservation::sequence)
            .thenComparing(o -> String.valueOf(o.periodStart()) + o.periodEnd() + o.dimensions());

    /** The order the claims of one observation are listed in: as-of (none first), then document id. */
    private static final Comparator<Claim> AS_OF_ORDER = Comparator
            .comparing((Claim c) -> c.asOf, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(c -> c.documentId);

    /** Every claim documents made about each observation of one indicator, also under its aliases. */
    public record History(String indicatorId, List<String> aliases, List<ObservationClaims> observations) {
    }

    /** The claims about one observation, in as-of order, and the one that is canonical. */
    public record ObservationClaims(ClaimMapper.ObservationId identity, List<Claim> claims, Claim canonical) {
    }

    private final ClaimValues values;

    public IndicatorMerge(ClaimValues values) {
        this.values = values;
    }

    /** The indicators of one parent: each canonical id with the subjects (own ids) whose claims it takes. */
    public Map<String, Set<String>> clusters(String parent, Collection<Claim> claims) {
        Map<String, List<Claim>> bySubject = claims.stream()
                .collect(Collectors.groupingBy(c -> c.subject, TreeMap::new, Collectors.toList()));
        // Every statement any document gave a coded indicator, with the codes it was given for.
        Map<String, Set<String>> codesByStatement = new TreeMap<>();
        Map<String, String> codeOf = new TreeMap<>();
        bySubject.forEach((subject, said) -> {
            String code = bestKnown(said, Fields.CODE);
            if (code != null) {
                codeOf.put(subject, code);
                said.stream().filter(c -> c.known && ClaimMapper.INDICATOR.equals(c.entityType)
                                && Fields.NORMALISED_STATEMENT.equals(c.field))
                        .forEach(c -> codesByStatement.computeIfAbsent(values.read(c, String.class),
                                s -> new TreeSet<>()).add(code));
            }
        });
        Map<String, Set<String>> clusters = new TreeMap<>();
        bySubject.forEach((subject, said) -> {
            String id;
            String code = codeOf.get(subject);
            if (code != null) {
                id = ClaimMapper.ownId(parent, code, null);
            } else {
                String statement = bestKnown(said, Fields.NORMALISED_STATEMENT);
                Set<String> twins = statement == null ? Set.of() : codesByStatement.getOrDefault(statement, Set.of());
                id = twins.size() == 1 ? ClaimMapper.ownId(parent, twins.iterator().next(), null) : subject;
            }
            clusters.computeIfAbsent(id, k -> new TreeSet<>()).add(subject);
        });
        return clusters;
    }

    public List<Computed> merge(String parent, Collection<Claim> claims, Function<Object, JsonNode> state) {
        Map<String, List<Claim>> bySubject = claims.stream().collect(Collectors.groupingBy(c -> c.subject));
        List<Computed> computed = new ArrayList<>();
        clusters(parent, claims).forEach((id, subjects) -> {
            List<Claim> said = subjects.stream().flatMap(s -> bySubject.get(s).stream()).toList();
            CatalogIndicator indicator = indicator(id, parent, subjects, said);
            int conflicts = (int) indicator.observations().stream().filter(o -> !o.conflicts().isEmpty()).count();
            computed.add(new Computed(RecordType.INDICATOR, id, indicator.office(), null, parent,
                    indicator.outcomeId(), null, conflicts, indicator, state.apply(indicator)));
            for (String alias : indicator.aliases()) {
                if (bySubject.containsKey(alias)) {
                    Map<String, String> redirect = new LinkedHashMap<>();
                    redirect.put("id", alias);
                    redirect.put("mergedInto", id);
                    computed.add(new Computed(RecordType.INDICATOR, alias, indicator.office(), null, parent,
                            indicator.outcomeId(), id, 0, null, state.apply(redirect)));
                }
            }
        });
        return computed;
    }

    /** The history of one canonical indicator of this parent, from all the claims of the parent's group. */
    public History history(String parent, String indicatorId, Collection<Claim> claims) {
        Set<String> subjects = clusters(parent, claims).getOrDefault(indicatorId, Set.of());
        List<ObservationClaims> observations = new ArrayList<>();
        claims.stream()
                .filter(c -> ClaimMapper.OBSERVATION.equals(c.entityType) && subjects.contains(c.subject))
                .collect(Collectors.groupingBy(c -> ClaimMapper.observationId(c.entityId)))
                .forEach((identity, group) -> observations.add(new ObservationClaims(identity,
                        group.stream().sorted(AS_OF_ORDER).toList(), ClaimRanking.best(group).orElseThrow())));
        observations.sort(Comparator.comparing((ObservationClaims o) -> o.identity().year(),
                        Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(o -> o.identity().kind()).thenComparingInt(o -> o.identity().sequence()));
        List<String> aliases = subjects.stream().filter(s -> !s.equals(indicatorId)).sorted().toList();
        return new History(indicatorId, aliases, observations);
    }

    private CatalogIndicator indicator(String id, String parent, Set<String> subjects, List<Claim> said) {
        Map<String, Claim> fields = ClaimValues.bestPerKey(
                said.stream().filter(c -> ClaimMapper.INDICATOR.equals(c.entityType)).toList(), c -> c.field);
        Map<String, Provenance> provenance = new TreeMap<>();
        fields.forEach((field, claim) -> {
            if (claim.known) {
                provenance.put(field, ClaimRanking.provenance(claim));
            }
        });
        List<CatalogObservation> observations = new ArrayList<>();
        said.stream().filter(c -> ClaimMapper.OBSERVATION.equals(c.entityType))
                .collect(Collectors.groupingBy(c -> ClaimMapper.observationId(c.entityId)))
                .forEach((identity, group) -> observations.add(observation(identity, group)));
        observations.sort(OBSERVATION_ORDER);
        String outcomeId = values.known(fields.get(Fields.OUTCOME_ID), String.class);
        List<String> aliases = subjects.stream().filter(s -> !s.equals(id)).sorted().toList();
        Claim tags = fields.get(Fields.TAGS);
        return new CatalogIndicator(
                id,
                values.known(fields.get(Fields.CODE), String.class),
                values.known(fields.get(Fields.STATEMENT), String.class),
                values.known(fields.get(Fields.NORMALISED_STATEMENT), String.class),
                outcomeId,
                values.known(fields.get(Fields.OUTPUT_CODE), String.class),
                parent,
                Offices.of(values.known(fields.get(Fields.OFFICE), String.class), outcomeId),
                tags == null || !tags.known ? List.of() : values.strings(tags),
                aliases,
                provenance,
                observations,
                values.known(fields.get(Fields.MEASURE), String.class),
                values.known(fields.get(Fields.ASCENDING), Boolean.class));
    }

    /**
     * The best claim gives the value; the other known values documents gave, where they differ from it,
     * are the conflicts (best first, one per document and value). TEXT values are known values like any
     * other: they can be canonical and conflict.
     */
    private CatalogObservation observation(ClaimMapper.ObservationId identity, List<Claim> group) {
        Claim best = ClaimRanking.best(group).orElseThrow();
        ObservedValue value = values.read(best, ObservedValue.class);
        List<CatalogObservation.Conflict> conflicts = new ArrayList<>();
        if (best.known) {
            Set<String> seen = new TreeSet<>();
            group.stream().filter(c -> c.known && !c.documentId.equals(best.documentId))
                    .sorted(ClaimRanking.PRECEDENCE.reversed())
                    .forEach(c -> {
                        ObservedValue other = values.read(c, ObservedValue.class);
                        if (!sameValue(value, other) && seen.add(c.documentId + '\u0000' + c.value)) {
                            conflicts.add(new CatalogObservation.Conflict(other, ClaimRanking.provenance(c)));
                        }
                    });
        }
        return new CatalogObservation(identity.year(), identity.kind(), identity.sequence(),
                ClaimMapper.HEADLINE.equals(best.field), value, ClaimRanking.provenance(best), conflicts,
                identity.periodStart(), identity.periodEnd(), identity.dimensions());
    }

    /** The same value, however written ({@code 7} and {@code 7.0}, {@code Yes} and {@code TRUE}). */
    static boolean sameValue(ObservedValue a, ObservedValue b) {
        if (a.type() != b.type()) {
            return false;
        }
        if (a.number() != null || b.number() != null) {
            return a.number() != null && b.number() != null && a.number().compareTo(b.number()) == 0;
        }
        if (a.flag() != null || b.flag() != null) {
            return Objects.equals(a.flag(), b.flag());
        }
        return Objects.equals(a.raw(), b.raw());
    }

    private String bestKnown(List<Claim> said, String field) {
        return said.stream().filter(c -> ClaimMapper.INDICATOR.equals(c.entityType) && field.equals(c.field))
                .max(ClaimRanking.PRECEDENCE).map(c -> values.known(c, String.class)).orElse(null);
    }
}
