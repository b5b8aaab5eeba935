package org.resultsflow.catalog.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.resultsflow.catalog.repository.CanonicalRecord;

/** Reads stored canonical states back into their contract records. */
@ApplicationScoped
public class Json {

    private final ObjectMapper json;

    public Json(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(CanonicalRecord record, Class<T> type) {
        try {
            return json.treeToValue(record.state, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical state of " + record.key + " is unreadable", e);
        }
    }

    /** A part of a stored state, as PostgreSQL gave it out. */
    public <T> T read(String part, Class<T> type) {
        try {
            return json.readValue(part, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("part of a canonical state is unreadable", e);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
