package org.resultsflow.reporting.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What applying a batch did, per event type: changes applied, and changes ignored because the event was seen
 * before or a change at least as new was applied already.
 */
public record Applied(Map<String, Integer> applied, Map<String, Integer> ignored) {

    public static Applied none() {
        return new Applied(new TreeMap<>(), new TreeMap<>());
    }

    void count(String type, boolean wasApplied) {
        (wasApplied ? applied : ignored).merge(type, 1, Integer::sum);
    }
}
