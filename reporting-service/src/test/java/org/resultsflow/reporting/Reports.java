package org.resultsflow.reporting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Reading the reporting endpoints in tests: JSON as trees, CSV as rows of named fields. */
public final class Reports {

    private Reports() {
    }

    /** GET path with the query parameters (name, value, name, value…) as JSON. */
    public static JsonNode json(String path, Object... params) {
        String body = request(params).accept("application/json").get(path).then().statusCode(200).extract().asString();
        try {
            return SeedCatalog.JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET path as CSV, each row a map from header to field. */
    public static List<Map<String, String>> csv(String path, Object... params) {
        String body = request(params).accept("text/csv").get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<List<String>> rows = parseCsv(body);
        List<String> header = rows.get(0);
        List<Map<String, String>> result = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> named = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                named.put(header.get(i), row.get(i));
            }
            result.add(named);
        }
        return result;
    }

    public static RequestSpecification request(Object... params) {
        RequestSpecification request = given();
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam(params[i].toString(), params[i + 1]);
        }
        return request;
    }

    public static JsonNode only(JsonNode array, Predicate<JsonNode> which) {
        List<JsonNode> found = StreamSupport.stream(array.spliterator(), false).filter(which).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one match, found " + found.size() + " in " + array);
        }
        return found.get(0);
    }

    public static boolean is(JsonNode node, String field, Object value) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && v.asText().equals(String.valueOf(value));
    }

    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : new BigDecimal(v.asText());
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
    public static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        try (StringReader in = new StringReader(text)) {
            int c;
            while ((c = in.read()) != -1) {
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        throw new AssertionError("CR without LF in CSV");
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (c == '\n') {
                    throw new AssertionError("LF without CR in CSV: " + text.substring(0, Math.min(300, text.length())));
                } else {
                    field.append((char) c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("CSV does not end with CRLF: ..." + text.substring(Math.max(0, text.length() - 300)));
        }
        return rows;
    }
}
