package org.resultsflow.catalog.rest;

import java.util.List;

/** A lookup that matched several records: answered 409 with their ids as candidates. */
public class AmbiguousLookup extends RuntimeException {

    private final List<String> candidates;

    public AmbiguousLookup(String message, List<String> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<String> candidates() {
        return candidates;
    }
}
