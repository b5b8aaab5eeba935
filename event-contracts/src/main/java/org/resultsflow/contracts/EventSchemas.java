package org.resultsflow.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of the event types, the single source of truth of each contract. They live in this
 * module under {@code schemas/<type>.json} and are published at the same names under
 * {@value #BASE}.
 */
public final class EventSchemas {

    public static final String BASE = "https://resultsflow.org/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The violations of an event's data against the schema of its type; empty when valid. */
    public static List<String> violations(String type, JsonNode data) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(type,
                t -> FACTORY.getSchema(SchemaLocation.of(BASE + t + ".json"), CONFIG));
        return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
