package org.resultsflow.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.resultsflow.catalog.mapping.RecordType;
import org.resultsflow.catalog.repository.CanonicalRecord;
import org.resultsflow.catalog.repository.CanonicalRecordRepository;
import org.resultsflow.infra.ResultsflowTestResource;

/** Conflicts are paged per observation in SQL: pages are consecutive slices of the whole list, in order. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class ConflictPagingTest {

    static final String OFFICE = "PAGEQ";

    @Inject
    CanonicalRecordRepository records;
    @Inject
    ObjectMapper json;

    @Test
    void pagesAreConsecutiveSlicesInIndicatorAndObservationOrder() {
        // Two indicators: b with three observations (the middle one agrees), a with one conflicting.
        List<CanonicalRecord> rows = List.of(indicator("PAGEQ_D_1.1::B", 2021, 2022, 2023), indicator("PAGEQ_D_1.1::A", 2020));
        ((ObjectNode) rows.get(0).state.get("observations").get(1)).putArray("conflicts");
        rows.get(0).conflicts = 2;
        await(() -> Panache.withTransaction(() -> records.persist(rows)));
        try {
            List<String> all = conflicts(0, 50);
            assertEquals(List.of("PAGEQ_D_1.1::A/2020", "PAGEQ_D_1.1::B/2021", "PAGEQ_D_1.1::B/2023"), all);
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                paged.addAll(conflicts(page, 1));
            }
            assertEquals(all, paged);
            assertEquals(List.of("PAGEQ_D_1.1::B/2023"), conflicts(1, 2));
            assertEquals(List.of(), conflicts(3, 1));
        } finally {
            // Left as found: the contract test folds the topic into the REST state.
            await(() -> Panache.withTransaction(() -> records.delete("office", OFFICE)));
        }
    }

    private List<String> conflicts(int page, int size) {
        JsonNode found = given().get("/api/conflicts?office={o}&page={p}&size={s}", OFFICE, page, size)
                .then().statusCode(200).extract().as(JsonNode.class);
        List<String> ids = new ArrayList<>();
        found.forEach(c -> ids.add(c.get("indicatorId").asText() + "/" + c.get("year").asInt()));
        return ids;
    }

    private CanonicalRecord indicator(String id, int... years) {
        ObjectNode state = json.createObjectNode().put("id", id).put("code", id.substring(id.indexOf("::") + 2))
                .put("outcomeId", "XM-DAC-41146-PAGEQ_D_1").put("parentId", "PAGEQ_D_1.1");
        ArrayNode observations = state.putArray("observations");
        for (int year : years) {
            ObjectNode observation = observations.addObject().put("year", year).put("kind", "RESULT").put("sequence", 1)
                    .put("headline", false);
            observation.putObject("value").put("raw", "1").put("type", "NUMBER").put("number", 1);
            observation.putArray("conflicts").addObject().putObject("value").put("raw", "2").put("type", "NUMBER")
                    .put("number", 2);
        }
        CanonicalRecord record = new CanonicalRecord();
        record.key = new CanonicalRecord.Key(RecordType.INDICATOR.value(), id);
        record.office = OFFICE;
        record.parentId = "PAGEQ_D_1.1";
        record.outcomeId = "XM-DAC-41146-PAGEQ_D_1";
        record.conflicts = years.length;
        record.version = 1;
        record.state = state;
        record.updatedAt = Instant.now();
        return record;
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
