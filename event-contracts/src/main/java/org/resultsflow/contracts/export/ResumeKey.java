package org.resultsflow.contracts.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where an export resumes: after the key of the last row a client received, every part given or none. Exports
 * stream rows in the order of a unique key (so the order is stable, whatever else changes), and a resumed export
 * gives the rows whose key comes after this one in that order: {@code (a, b, c) > (x, y, z)}.
 */
public final class ResumeKey {

    private final List<String> parameters;
    private final List<Object> values;

    private ResumeKey(List<String> parameters, List<Object> values) {
        this.parameters = parameters;
        this.values = values;
    }

    /** Starts a key with the part the query parameter {@code parameter} carried (null or blank: not given). */
    public static Builder part(String parameter, Object value) {
        return new Builder().part(parameter, value);
    }

    /** The key's values, in sort order. */
    public List<Object> values() {
        return values;
    }

    /**
     * The SQL condition of the rows after this key, sorted by {@code columns}, its values as positional parameters
     * from {@code $first} on: a row comparison, which PostgreSQL answers from an index on the key columns.
     */
    public String condition(List<String> columns, int first) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("a key of " + values.size() + " parts for " + columns.size() + " columns");
        }
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            placeholders.add("$" + (first + i));
        }
        return "(" + String.join(", ", columns) + ") > (" + String.join(", ", placeholders) + ")";
    }

    @Override
    public String toString() {
        return parameters + "=" + values;
    }

    /** The parts of a key as the request gave them, in sort order. */
    public static final class Builder {

        private final Map<String, Object> parts = new LinkedHashMap<>();

        public Builder part(String parameter, Object value) {
            parts.put(parameter, value instanceof String s && s.isBlank() ? null : value);
            return this;
        }

        /**
         * A part that is a whole number, as the query parameter's text: taken as text so that a value that is no
         * number is the client's error, answered as such, not a resource not found (what JAX-RS answers when it
         * cannot convert a query parameter).
         *
         * @throws IllegalArgumentException when the text is no whole number
         */
        public Builder number(String parameter, String text) {
            if (text == null || text.isBlank()) {
                return part(parameter, null);
            }
            try {
                return part(parameter, Long.valueOf(text.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(parameter + " must be a whole number, not '" + text.strip() + "'");
            }
        }

        /**
         * The key, or null when no part is given (an export from the first row).
         *
         * @throws IllegalArgumentException when some parts are given and others not
         */
        public ResumeKey build() {
            long given = parts.values().stream().filter(Objects::nonNull).count();
            if (given == 0) {
                return null;
            }
            if (given < parts.size()) {
                throw new IllegalArgumentException(String.join(", ", parts.keySet())
                        + " go together: give all of them (the key of the last row received) or none");
            }
            return new ResumeKey(List.copyOf(parts.keySet()), Collections.unmodifiableList(new ArrayList<>(parts.values())));
        }
    }
}
