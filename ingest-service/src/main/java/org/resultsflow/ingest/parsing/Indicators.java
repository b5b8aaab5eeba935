package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Observation;

/**
 * Collects the indicators of one document in order. A block repeated under the same parent with the same
 * statement and values is a repeat and is dropped (with a warning); repeated with other values, the
 * observations are merged where they agree. The same code under different parents stays two records
 * (they are different attachments), with a warning when their values differ: the key (the code) alone then
 * does not tell them apart.
 */
final class Indicators {

    private final Map<String, List<IndicatorDraft>> byKey = new LinkedHashMap<>();
    private final List<IndicatorDraft> ordered = new ArrayList<>();

    void add(IndicatorDraft d, ParseContext ctx) {
        List<IndicatorDraft> same = byKey.computeIfAbsent(d.key(), k -> new ArrayList<>());
        for (IndicatorDraft seen : same) {
            if (Objects.equals(seen.outcomeId, d.outcomeId) && Objects.equals(seen.outputCode, d.outputCode)) {
                if (sameValues(seen, d)) {
                    ctx.warn(d.lines.first(), d.label() + " repeated (same as line " + seen.lines.first() + "); repeat ignored");
                } else {
                    ctx.warn(d.lines.first(), d.label() + " shown again (first at line " + seen.lines.first()
                            + "); observations merged where they agree");
                    for (Observation o : d.observations()) {
                        seen.add(o.year(), o.kind(), o.value(), o.lines(), ctx);
                    }
                    seen.tags.addAll(d.tags);
                }
                return;
            }
        }
        for (IndicatorDraft seen : same) {
            if (!sameValues(seen, d)) {
                ctx.warn(d.lines.first(), "indicator code " + d.code + " appears under " + seen.parentId() + " (line "
                        + seen.lines.first() + ") and under " + d.parentId() + " with different values;"
                        + " both are kept, the key alone does not tell them apart");
                break;
            }
        }
        same.add(d);
        ordered.add(d);
    }

    private static boolean sameValues(IndicatorDraft a, IndicatorDraft b) {
        List<Observation> x = a.observations();
        List<Observation> y = b.observations();
        if (x.size() != y.size()) {
            return false;
        }
        for (Observation o : x) {
            Observation p = b.get(o.year(), o.kind());
            if (p == null || !p.value().equals(o.value())) {
                return false;
            }
        }
        return true;
    }

    List<Indicator> build() {
        List<Indicator> out = new ArrayList<>();
        ordered.forEach(d -> out.add(d.build()));
        return out;
    }
}
