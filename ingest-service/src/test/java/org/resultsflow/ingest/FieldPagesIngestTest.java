package org.resultsflow.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.resultsflow.contracts.EventSchemas;
import org.resultsflow.contracts.wire.CloudEventRecords;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.ingest.parsing.FieldPages;

/**
 * The field corpus over HTTP, as a user who saved the pages would post them: each with the address it was
 * published at as {@code source}. The preview answers every page that shows anything, and refuses the others
 * with a message naming their layout; every page that has an identity is published, with schema-valid events
 * that carry the address.
 */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class FieldPagesIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventStreams streams = EventStreams.shared();

    @Test
    void everyPageIsAnsweredAndEveryIdentifiedPageIsPublished() throws Exception {
        assumeTrue(FieldPages.present(), "shared/field-pages not found beside the project");
        List<String> problems = new ArrayList<>();
        List<String> published = new ArrayList<>();
        int previews = 0;
        for (String page : FieldPages.pages()) {
            JsonNode key = FieldPages.key(page);
            String url = key.get("url").asText();
            boolean shows = !(key.get("outcomes").isEmpty() && key.get("outputs").isEmpty()
                    && key.get("indicators").isEmpty() && key.get("budgets").isEmpty() && key.get("funding").isEmpty());
            byte[] body = FieldPages.bytes(page);
            Response preview = given().contentType("text/plain; charset=UTF-8").queryParam("source", url).body(body)
                    .post("/api/documents/preview");
            previews++;
            int expected = shows ? 200 : 422;
            if (preview.statusCode() != expected) {
                problems.add(page + ": preview answered " + preview.statusCode() + ", expected " + expected
                        + ": " + preview.asString());
                continue;
            }
            if (!shows) {
                assertTrue(preview.jsonPath().getString("message").contains("reads as"), preview.asString());
                continue;
            }
            boolean identified = false;
            for (JsonNode o : key.get("outcomes")) {
                identified |= !o.get("id").isNull();
            }
            Response post = given().auth().oauth2(DocumentIngestTest.token("ingest"))
                    .contentType("text/plain; charset=UTF-8").queryParam("source", url).body(body).post("/api/documents");
            int status = post.statusCode();
            if (identified && status != 201 && status != 200 || !identified && status != 422) {
                problems.add(page + ": post answered " + status + ": " + post.asString());
            } else if (identified) {
                assertEquals(url, post.jsonPath().getString("source"));
                published.add(post.jsonPath().getString("id"));
            } else {
                assertTrue(post.jsonPath().getString("message").contains("source="), post.asString());
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(54, previews);
        List<ConsumerRecord<String, String>> events = streams.readUntil("results.outcomes",
                records -> published.stream().allMatch(id -> records.stream().anyMatch(r -> id.equals(documentId(r)))),
                Duration.ofSeconds(60));
        for (ConsumerRecord<String, String> event : events) {
            if (!published.contains(documentId(event))) {
                continue;
            }
            JsonNode data = JSON.readTree(event.value());
            assertEquals(List.of(), EventSchemas.violations(CloudEventRecords.type(event), data), event.value());
            assertTrue(data.path("document").path("source").asText().startsWith("https://open.unwomen.org/"));
        }
    }

    private static String documentId(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value()).path("document").path("id").asText();
        } catch (IOException e) {
            return null;
        }
    }
}
