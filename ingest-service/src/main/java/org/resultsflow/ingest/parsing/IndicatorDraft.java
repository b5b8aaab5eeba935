package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;

/** An indicator being read: observations are added one by one; a year+kind shown twice must agree. */
final class IndicatorDraft {

    /** Tags in a fixed order, whatever order the page shows them in. */
    static final List<String> TAG_ORDER = List.of("Common", "Complementary", "Desk Review");

    String code;
    String statement;
    final String outcomeId;
    final String outputCode;
    final Set<String> tags = new LinkedHashSet<>();
    private final List<Observation> observations = new ArrayList<>();
    private final Set<String> conflicted = new LinkedHashSet<>();
    LineRange lines;

    IndicatorDraft(String outcomeId, String outputCode, int line) {
        this.outcomeId = outcomeId;
        this.outputCode = outputCode;
        this.lines = LineRange.of(line);
    }

    void cover(LineRange range) {
        lines = lines.span(range);
    }

    boolean hasObservations() {
        return !observations.isEmpty();
    }

    boolean has(int year, ObservationKind kind) {
        return observations.stream().anyMatch(o -> o.year() == year && o.kind() == kind);
    }

    Observation get(int year, ObservationKind kind) {
        return observations.stream().filter(o -> o.year() == year && o.kind() == kind).findFirst().orElse(null);
    }

    /**
     * Adds an observation. The same year and kind shown again with the same token is a repeat; with another
     * token the document contradicts itself and neither is kept.
     */
    void add(int year, ObservationKind kind, ObservedValue value, LineRange at, ParseContext ctx) {
        String id = year + " " + kind;
        if (conflicted.contains(id)) {
            return;
        }
        Observation seen = get(year, kind);
        if (seen != null) {
            if (!seen.value().raw().trim().equals(value.raw().trim())) {
                ctx.warn(at.first(), label() + ": " + kind.name().toLowerCase() + " " + year + " shown as '"
                        + seen.value().raw() + "' (line " + seen.lines().first() + ") and as '" + value.raw()
                        + "'; neither is kept");
                observations.remove(seen);
                conflicted.add(id);
            }
            return;
        }
        observations.add(new Observation(year, kind, value, at));
        cover(at);
    }

    String parentId() {
        return outputCode != null ? outputCode : outcomeId;
    }

    String label() {
        return "indicator " + (code != null ? code : "'" + abbreviate(statement) + "'") + " under " + parentId();
    }

    /**
     * The indicator's identity: its parent and its code, or its normalised statement when no code is shown.
     * The parent is part of it because the strategic plan's codes are reused under several outputs, each
     * with its own values.
     */
    String key() {
        return parentId() + "::" + (code != null ? code : Statements.normalise(statement));
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    Indicator build() {
        List<String> orderedTags = new ArrayList<>();
        for (String t : TAG_ORDER) {
            if (tags.contains(t)) {
                orderedTags.add(t);
            }
        }
        List<Observation> inOrder = new ArrayList<>(observations);
        inOrder.sort(java.util.Comparator.comparingInt(o -> o.lines().first()));
        return new Indicator(key(), code, statement, statement == null ? null : Statements.normalise(statement),
                outcomeId, outputCode, List.copyOf(orderedTags), List.copyOf(inOrder), lines);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
