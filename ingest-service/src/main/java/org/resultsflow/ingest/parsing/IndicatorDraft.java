package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.LineRange;
import org.resultsflow.contracts.results.Observation;
import org.resultsflow.contracts.results.ObservationKind;
import org.resultsflow.contracts.results.ObservedValue;
import org.resultsflow.contracts.rules.NormalisedStatement;

/** An indicator being read: observations are added one by one, in page order. */
final class IndicatorDraft {

    /** Tags in a fixed order, whatever order the page shows them in. */
    static final List<String> TAG_ORDER = List.of("Common", "Complementary", "Desk Review");

    String code;
    String statement;
    final String outcomeId;
    final String outputCode;
    final Set<String> tags = new LinkedHashSet<>();
    private final List<Observation> observations = new ArrayList<>();
    LineRange lines;
    /** The document ends inside this indicator's block. */
    boolean partial;

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

    /** The first table row of this year and kind, or null. */
    Observation get(Integer year, ObservationKind kind) {
        return observations.stream().filter(o -> !o.headline() && Objects.equals(o.year(), year) && o.kind() == kind)
                .findFirst().orElse(null);
    }

    /**
     * Adds a table row. A page can list several blocks under the same year label, each with its own value: they
     * are all kept in page order, the n-th of a year and kind with sequence n.
     */
    void addRow(Integer year, ObservationKind kind, ObservedValue value, LineRange at) {
        int sequence = 1 + (int) observations.stream()
                .filter(o -> !o.headline() && Objects.equals(o.year(), year) && o.kind() == kind).count();
        observations.add(new Observation(year, kind, sequence, false, value, at));
        cover(at);
    }

    /** Adds the end-of-plan summary line ({@code 2026 Result -}); it repeats the first row of its year, if any. */
    void addHeadline(int year, ObservedValue value, LineRange at) {
        observations.add(new Observation(year, ObservationKind.RESULT, 1, true, value, at));
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
        return parentId() + "::" + (code != null ? code : NormalisedStatement.of(statement));
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
        return new Indicator(key(), code, statement, statement == null ? null : NormalisedStatement.of(statement),
                outcomeId, outputCode, List.copyOf(orderedTags), List.copyOf(inOrder), partial, lines);
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
