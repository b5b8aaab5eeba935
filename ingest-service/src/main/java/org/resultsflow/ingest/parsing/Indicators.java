package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Observation;

/**
 * Collects the indicators of one document in order. A block repeated under the same parent (same key) with
 * the same values is a repeat and is dropped (with a warning); repeated with other values, the observations
 * are merged where they agree. The same code under different parents has different keys: two indicators.
 */
final class Indicators {

    private final Map<String, IndicatorDraft> byKey = new LinkedHashMap<>();

    void add(IndicatorDraft d, ParseContext ctx) {
        IndicatorDraft seen = byKey.putIfAbsent(d.key(), d);
        if (seen == null) {
            return;
        }
        if (sameValues(seen, d)) {
            ctx.warn(d.lines.first(), d.label() + " repeated (same as line " + seen.lines.first() + "); repeat ignored");
            return;
        }
        ctx.warn(d.lines.first(), d.label() + " shown again (first at line " + seen.lines.first()
                + "); observations merged where they agree");
        for (Observation o : d.observations()) {
            seen.add(o.year(), o.kind(), o.value(), o.lines(), ctx);
        }
        seen.tags.addAll(d.tags);
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
        byKey.values().forEach(d -> out.add(d.build()));
        return out;
    }
}
