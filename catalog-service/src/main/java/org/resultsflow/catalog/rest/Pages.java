package org.resultsflow.catalog.rest;

import java.util.List;

final class Pages {

    private Pages() {
    }

    /** Page {@code page} (from 0) of {@code size} items of a list computed in memory. */
    static <T> List<T> slice(List<T> all, int page, int size) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return List.copyOf(all.subList((int) from, (int) Math.min(all.size(), from + size)));
    }
}
