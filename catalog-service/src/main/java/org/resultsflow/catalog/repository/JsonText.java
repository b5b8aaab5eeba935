package org.resultsflow.catalog.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * A jsonb tree passed to and from PostgreSQL as text, cast in SQL (as {@link Claim#value} is): one serialisation
 * per write and one parse per read. Hibernate's own JSON type turns each tree into text, the text into the
 * reactive client's JSON object and that into text again, and copies every tree it loads through text for
 * dirty checking; in the catalog's profile that was half of the time a batch took.
 *
 * <p>Attributes using it are also immutable to Hibernate ({@code @Mutability(Immutability.class)}): a tree is
 * never changed in place — the engine computes a new one — so there is nothing to snapshot; an assignment of a
 * different tree is still detected by comparing trees.
 */
@Converter
public class JsonText implements AttributeConverter<JsonNode, String> {

    // Trees only (readTree, writeValueAsString of a node): no settings of the application's mapper apply.
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(JsonNode tree) {
        if (tree == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public JsonNode convertToEntityAttribute(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb that is not JSON: " + e.getMessage(), e);
        }
    }
}
