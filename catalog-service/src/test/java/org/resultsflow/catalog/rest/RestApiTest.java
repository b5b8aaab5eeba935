package org.resultsflow.catalog.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
