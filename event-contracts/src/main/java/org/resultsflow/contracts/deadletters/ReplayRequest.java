package org.resultsflow.contracts.deadletters;

import java.util.List;
import java.util.Optional;

/**
 * Which dead letters to send through their consumer again: those named by id (whatever their state), or else
 * every pending one of a topic, or else every pending one. At most {@value #MAX} in one request.
 */
public record ReplayRequest(List<Long> ids, String topic) {

    public static final int MAX = 500;
    public static final ReplayRequest ALL = new ReplayRequest(null, null);

    public ReplayRequest {
        ids = ids == null || ids.isEmpty() ? null : List.copyOf(ids);
        topic = topic == null || topic.isBlank() ? null : topic.trim();
    }

    /** What makes the request unanswerable, for the 400 answer; empty when it is fine. */
    public Optional<String> problem() {
        if (ids != null && topic != null) {
            return Optional.of("Name dead letters by 'ids' or by 'topic', not both");
        }
        if (ids != null && ids.size() > MAX) {
            return Optional.of("At most " + MAX + " ids in one replay, not " + ids.size());
        }
        if (ids != null && ids.stream().anyMatch(id -> id == null || id < 1)) {
            return Optional.of("Dead-letter ids are numbers from 1");
        }
        return Optional.empty();
    }
}
