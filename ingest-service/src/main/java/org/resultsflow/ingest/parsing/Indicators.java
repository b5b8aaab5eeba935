package org.resultsflow.ingest.parsing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.resultsflow.contracts.results.Indicator;
import org.resultsflow.contracts.results.Observation;

/**
 * Collects the indicators of one document in order. A block repeated under the same parent (same key) with
 * the same values is a repeat and is dropped (with a warning); repeated with other values, the values the
 * first block lacks are added after its own. The same code under different parents has different keys: two
 * indicators.
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
                + "); the values the first lacks are added to it");
        for (Observation o : d.observations()) {
            boolean known = seen.observations().stream().anyMatch(s -> s.headline() == o.headline()
                    && Objects.equals(s.year(), o.year()) && s.kind() == o.kind() && s.value().equals(o.value()));
            if (known) {
                continue;
            }
            if (o.headline()) {
                seen.addHeadline(o.year(), o.value(), o.lines());
            } else {
                seen.addRow(o.year(), o.kind(), o.value(), o.lines());
            }
        }
        seen.tags.addAll(d.tags);
        seen.partial |= d.partial;
    }

    private static boolean sameValues(IndicatorDraft a, IndicatorDraft b) {
        List<Observation> x = a.observations();
        List<Observation> y = b.observations();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            Observation o = x.get(i);
            Observation p = y.get(i);
            if (o.headline() != p.headline() || !Objects.equals(o.year(), p.year()) || o.kind() != p.kind()
                    || !o.value().equals(p.value())) {
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
