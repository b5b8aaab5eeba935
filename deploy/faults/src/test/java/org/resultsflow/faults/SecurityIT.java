package org.resultsflow.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resultsflow.local.LocalToken;

/**
 * Every write endpoint of the running services refuses a missing, expired, foreign-signed, foreign-issued or
 * role-less token, with the one error shape and no stack trace; every service's errors have that shape.
 */
@ExtendWith(FaultStack.Shared.class)
class SecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stack frame or an exception class name: neither belongs in an answer. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat [a-z]+\\.[a-z]+\\.|Exception\\b|\\.java:\\d+");

    /** A write endpoint and the role it needs; extend the list as endpoints are added. */
    record Write(String service, String path, String role, String contentType, String body) {
    }

    static final List<Write> WRITES = List.of(
            new Write(FaultStack.INGEST, "/api/documents", "ingest", "text/plain", "outcome XM-DAC-41146-QZZ_D_1.1\n"),
            new Write(FaultStack.REPORTING, "/api/admin/rebuild", "admin", "application/json", ""),
            // From branch shared-rules: tested where the service's OpenAPI document lists them.
            new Write(FaultStack.CATALOG, "/api/admin/dead-letters/replay", "admin", "application/json", "{}"),
            new Write(FaultStack.REPORTING, "/api/admin/dead-letters/replay", "admin", "application/json", "{}"));

    static FaultStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = FaultStack.shared();
    }

    @Test
    void everyWriteRefusesEveryBadToken() throws Exception {
        LocalToken keys = stack.stack.keys();
        Instant now = Instant.now();
        String expired = keys.mint("someone", List.of("ingest", "admin"), LocalToken.ISSUER,
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        String otherKey = LocalToken.generate().mint("someone", List.of("ingest", "admin"), Duration.ofHours(1));
        String otherIssuer = keys.mint("someone", List.of("ingest", "admin"), "not-resultsflow", now,
                now.plus(Duration.ofHours(1)));
        String noRole = keys.mint("someone", List.of("reader"), Duration.ofHours(1));

        List<String> tested = new ArrayList<>();
        for (Write write : WRITES) {
            if (!listed(write)) {
                continue;
            }
            tested.add(write.service() + " " + write.path());
            assertRefused(write, null, 401, "no token");
            assertRefused(write, "not-a-jwt", 401, "garbage token");
            assertRefused(write, expired, 401, "expired token");
            assertRefused(write, otherKey, 401, "token signed by another key");
            assertRefused(write, otherIssuer, 401, "token of another issuer");
            assertRefused(write, noRole, 403, "token without the role " + write.role());
        }
        assertTrue(tested.size() >= 2, "ingest's post and reporting's rebuild are always there: " + tested);
    }

    @Test
    void errorsHaveOneShapeInEveryService() throws Exception {
        List<String> invalid = List.of(stack.stack.ingestUrl("/api/documents?size=0"),
                stack.stack.catalogUrl("/api/outcomes?size=0"), stack.stack.reportingUrl("/api/reports/outcomes?size=0"));
        for (String url : invalid) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
            JsonNode body = errorBody(response, 400, url);
            assertEquals(Set.of("status", "error", "message", "violations"), fields(body), url + ": " + response.body());
            assertEquals("size", body.path("violations").path(0).path("field").asText(), url + ": " + response.body());
        }
        List<String> missing = List.of(stack.stack.ingestUrl("/api/documents/no-such-document"),
                stack.stack.catalogUrl("/api/outcomes/XM-DAC-41146-QZZ_D_9.9"),
                stack.stack.reportingUrl("/api/reports/outcomes/XM-DAC-41146-QZZ_D_9.9/progress"));
        for (String url : missing) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET());
            JsonNode body = errorBody(response, 404, url);
            assertEquals(Set.of("status", "error", "message"), fields(body), url + ": " + response.body());
        }
    }

    private static boolean listed(Write write) throws Exception {
        String openapi = stack.get(stack.service(write.service()).url("/q/openapi?format=json"));
        return openapi != null && JSON.readTree(openapi).path("paths").has(write.path());
    }

    private static void assertRefused(Write write, String token, int status, String what) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service(write.service()).url(write.path())))
                .header("Content-Type", write.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(write.body()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request);
        JsonNode body = errorBody(response, status, write.service() + " " + write.path() + " with " + what);
        assertEquals(Set.of("status", "error", "message"), fields(body), what + ": " + response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return stack.http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode errorBody(HttpResponse<String> response, int status, String what) throws Exception {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                what + " answers JSON: " + response.headers().map());
        assertFalse(STACK_TRACE.matcher(response.body()).find(), what + " shows no stack trace: " + response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(status, body.path("status").asInt(), what + ": " + response.body());
        return body;
    }

    private static Set<String> fields(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
