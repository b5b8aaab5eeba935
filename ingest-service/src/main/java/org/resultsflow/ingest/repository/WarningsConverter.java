package org.resultsflow.ingest.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import org.resultsflow.ingest.parsing.ParseWarning;

/** Keeps a document's parse warnings as one JSON text: they are always read and written whole. */
@Converter
public class WarningsConverter implements AttributeConverter<List<ParseWarning>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ParseWarning>> WARNINGS = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ParseWarning> warnings) {
        try {
            return JSON.writeValueAsString(warnings == null ? List.of() : warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("warnings cannot be written as JSON", e);
        }
    }

    @Override
    public List<ParseWarning> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, WARNINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored warnings are not JSON", e);
        }
    }
}
