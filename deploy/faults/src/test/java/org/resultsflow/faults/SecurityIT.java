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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.resultsflow.local.LocalToken;

/**
 * Every operation of the running services that takes a bearer token (every write, and the admin reads), as their
 * OpenAPI documents list them, refuses a missing, expired, foreign-signed, foreign-issued or role-less token, with
 * the one error shape and no stack trace; every service's errors have that shape.
 */
@ExtendWith(FaultStack.Shared.class)
class SecurityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A stack frame or an exception class name: neither belongs in an answer. */
    private static final Pattern STACK_TRACE = Pattern.compile("\\tat |\\bat [a-z]+\\.[a-z]+\\.|Exception\\b|\\.java:\\d+");

    /** An operation that takes a bearer token, as a service's OpenAPI document lists it. */
    record Secured(String service, String method, String path, String contentType) {

        String name() {
            return service + " " + method + " " + path;
        }
    }

    /**
     * The secured operations that must be there: every write (ingest's post, reporting's rebuild, the dead-letter
     * replays) and the dead-letter lists. The test itself covers whatever the OpenAPI documents list as secured, so
     * a new endpoint is covered as soon as it is documented.
     */
    static final Set<String> REQUIRED = Set.of(
            FaultStack.INGEST + " POST /api/documents",
            FaultStack.REPORTING + " POST /api/admin/rebuild",
            FaultStack.CATALOG + " GET /api/admin/dead-letters",
            FaultStack.CATALOG + " POST /api/admin/dead-letters/replay",
            FaultStack.REPORTING + " GET /api/admin/dead-letters",
            FaultStack.REPORTING + " POST /api/admin/dead-letters/replay");

    static FaultStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = FaultStack.shared();
    }

    @Test
    void everySecuredOperationRefusesEveryBadToken() throws Exception {
        LocalToken keys = stack.stack.keys();
        Instant now = Instant.now();
        String expired = keys.mint("someone", List.of("ingest", "admin"), LocalToken.ISSUER,
                now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
        String otherKey = LocalToken.generate().mint("someone", List.of("ingest", "admin"), Duration.ofHours(1));
        String otherIssuer = keys.mint("someone", List.of("ingest", "admin"), "not-resultsflow", now,
                now.plus(Duration.ofHours(1)));
        String noRole = keys.mint("someone", List.of("reader"), Duration.ofHours(1));

        List<String> tested = new ArrayList<>();
        for (Secured operation : secured()) {
            tested.add(operation.name());
            assertRefused(operation, null, 401, "no token");
            assertRefused(operation, "not-a-jwt", 401, "garbage token");
            assertRefused(operation, expired, 401, "expired token");
            assertRefused(operation, otherKey, 401, "token signed by another key");
            assertRefused(operation, otherIssuer, 401, "token of another issuer");
            assertRefused(operation, noRole, 403, "token without the role");
        }
        assertTrue(tested.containsAll(REQUIRED), "the OpenAPI documents list every secured operation: " + tested);
    }

    /** The token the local run prints is the one an operator uses on the dead-letter API of both consumers. */
    @Test
    void theLocalTokenListsTheDeadLetters() throws Exception {
        for (String service : List.of(FaultStack.CATALOG, FaultStack.REPORTING)) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stack.service(service)
                    .url("/api/admin/dead-letters?state=pending"))).header("Authorization", "Bearer " + stack.stack.token()).GET());
            assertEquals(200, response.statusCode(), service + ": " + response.body());
            assertTrue(response.headers().firstValue("X-Total-Count").isPresent(), service + ": " + response.headers().map());
            assertTrue(JSON.readTree(response.body()).isArray(), service + ": " + response.body());
        }
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

    /** Every operation of every service whose OpenAPI document says it takes a bearer token. */
    private static List<Secured> secured() throws Exception {
        List<Secured> secured = new ArrayList<>();
        for (String service : FaultStack.SERVICES) {
            JsonNode openapi = JSON.readTree(stack.get(stack.service(service).url("/q/openapi?format=json")));
            openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                if (op.getValue().path("security").isEmpty()) {
                    return;
                }
                Iterator<String> types = op.getValue().path("requestBody").path("content").fieldNames();
                String type = types.hasNext() ? types.next() : null;
                secured.add(new Secured(service, op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        type != null && type.contains("*") ? "text/plain" : type));
            }));
        }
        return secured;
    }

    private static void assertRefused(Secured operation, String token, int status, String what) throws Exception {
        // A body the operation takes: the token is checked first, so any will do.
        String body = operation.contentType() == null ? null
                : operation.contentType().contains("json") ? "{}" : "outcome XM-DAC-41146-QZZ_D_1.1\n";
        String path = operation.path().replaceAll("\\{[^/]+}", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.service(operation.service()).url(path)))
                .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", operation.contentType());
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(request);
        JsonNode answer = errorBody(response, status, operation.name() + " with " + what);
        assertEquals(Set.of("status", "error", "message"), fields(answer), what + ": " + response.body());
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
