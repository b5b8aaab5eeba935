package org.resultsflow.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resultsflow.infra.ResultsflowTestResource;

/** Every endpoint is in the OpenAPI document; paging and lookups fail as JSON errors. */
@QuarkusTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "catalog"))
class RestApiTest {

    @Test
    void everyEndpointIsDocumented() {
        var openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String path : new String[] {"/api/outcomes", "/api/outcomes/{id}", "/api/indicators", "/api/indicators/{id}",
                "/api/indicators/{id}/history", "/api/conflicts", "/api/budgets", "/api/documents", "/schemas/{name}",
                "/api/export/observations.csv", "/api/export/observations.ndjson", "/api/export/observations.xlsx"}) {
            openapi.body("paths", hasKey(path));
        }
    }

    /** Each export says what its rows hold and how to resume it; the two-part keys can be refused with a 400. */
    @Test
    void everyExportIsDocumentedWithItsColumnsAndResumeRule() {
        var openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, String> resumeWith = Map.of("observations", "afterPosition", "outcomes", "afterOutcome",
                "indicators", "afterIndicator", "budgets", "afterBudget", "conflicts", "afterPosition",
                "documents", "afterDocument");
        resumeWith.forEach((export, parameter) -> {
            for (String format : List.of("csv", "ndjson", "xlsx")) {
                String path = "paths.'/api/export/" + export + "." + format + "'.get";
                String description = openapi.getString(path + ".description");
                assertNotNull(openapi.getString(path + ".summary"), path);
                assertTrue(description.contains(parameter), path + ": " + description);
                assertTrue(description.startsWith("A header row") || description.startsWith("One JSON object")
                        || description.startsWith("The rows and columns"), path);
                List<String> parameters = openapi.getList(path + ".parameters.name");
                assertTrue(parameters.contains(parameter), path + ": " + parameters);
                assertEquals(parameter.equals("afterPosition"), openapi.get(path + ".responses.400") != null,
                        path + ": a 400 where a key has two parts");
            }
        });
    }

    @Test
    void badPagingAndUnknownIdsAreJsonErrors() {
        given().get("/api/conflicts?size=0").then().statusCode(400).contentType(containsString("json"));
        given().get("/api/documents?page=-1").then().statusCode(400).contentType(containsString("json"));
        given().get("/api/indicators/{id}", "NOPE_D_1.1::nothing at all / here #1?").then().statusCode(404)
                .body("status", equalTo(404)).body("message", containsString("nothing at all / here #1?"));
        given().get("/api/indicators/{id}/history", "NOPE_D_1.1::x").then().statusCode(404).body("status", equalTo(404));
        given().get("/api/outcomes/{id}", "XM-DAC-41146-NOPE_D_1.1").then().statusCode(404).body("error", equalTo("Not Found"));
        given().get("/api/outcomes/{id}?include=everything", "XM-DAC-41146-NOPE_D_1.1").then().statusCode(400)
                .body("status", equalTo(400)).body("message", containsString("everything"));
    }
}
