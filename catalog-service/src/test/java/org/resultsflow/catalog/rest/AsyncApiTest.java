package org.resultsflow.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.EventTypes;
import org.resultsflow.infra.ResultsflowTestResource;

/** The served AsyncAPI document: well-formed, every reference resolves, every catalog type described. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class AsyncApiTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyMessageOfTheDocumentHasItsSchemaServedBesideIt() throws Exception {
        JsonNode doc = YAML.readTree(given().get("/asyncapi.yaml").then().statusCode(200).extract().asString());
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        assertEquals("catalog.changes", doc.at("/channels/catalogChanges/address").asText());
        assertEquals("catalog.dlq", doc.at("/channels/catalogDeadLetters/address").asText());

        Set<String> described = new TreeSet<>();
        for (Iterator<String> names = doc.at("/components/messages").fieldNames(); names.hasNext(); ) {
            JsonNode message = doc.at("/components/messages/" + names.next());
            JsonNode schemaRef = message.at("/payload/schema/$ref");
            if (schemaRef.isMissingNode()) {
                continue; // the dead letter: its payload is whatever was received
            }
            String type = message.get("name").asText();
            described.add(type);
            URI schemaUri = URI.create("/asyncapi.yaml").resolve(schemaRef.asText());
            assertEquals("/schemas/" + type + ".json", schemaUri.getPath(), type);
            assertNotNull(EventSchemas.class.getResource("/schemas/" + type + ".json"), type);
            JsonNode schema = JSON.readTree(given().get(schemaUri.getPath()).then().statusCode(200).extract().asString());
            assertEquals(type, schema.get("title").asText());
            // References between schemas resolve against the same place.
            for (String ref : refs(schema)) {
                if (!ref.startsWith("#")) {
                    String file = ref.substring(0, ref.indexOf('#') < 0 ? ref.length() : ref.indexOf('#'));
                    given().get(schemaUri.resolve(file).getPath()).then().statusCode(200);
                }
            }
        }
        assertEquals(new TreeSet<>(List.of(EventTypes.CATALOG_OUTCOME, EventTypes.CATALOG_INDICATOR,
                EventTypes.CATALOG_BUDGET, EventTypes.CATALOG_FUNDING)), described);

        // Every internal reference points at something in the document.
        for (String ref : refs(doc)) {
            if (ref.startsWith("#")) {
                assertFalse(doc.at(ref.substring(1)).isMissingNode(), ref);
            }
        }
        assertEquals(4, doc.at("/channels/catalogChanges/messages").size());
        assertTrue(doc.at("/channels/catalogChanges/bindings/kafka/topicConfiguration/cleanup.policy").toString().contains("compact"));
        given().get("/schemas/{name}", "nope.json").then().statusCode(404);
        given().get("/schemas/{name}", "..%2Fapplication.properties").then().statusCode(404);
    }

    private static List<String> refs(JsonNode node) {
        List<String> refs = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if ("$ref".equals(e.getKey()) && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    refs.addAll(refs(e.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> refs.addAll(refs(child)));
        }
        return refs;
    }
}
