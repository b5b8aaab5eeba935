package org.resultsflow.ingest.parsing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** The shipped sample documents (classpath {@code samples/}) and the JSON form the golden files use. */
public final class Samples {

    static final String S000 = "000_e25761c67d39ad5b.txt";
    static final String S001 = "001_32a555cdcd01bebc.txt";
    static final String S002 = "002_09399b8b1f137ae9.txt";
    static final String S003 = "003_cf5ee7f4fb6c2d90.txt";
    static final String S004 = "004_40431d85d19755e1.txt";
    static final List<String> ALL = List.of(S000, S001, S002, S003, S004);

    /** Keys in alphabetical order, BigDecimal as plain JSON numbers, dates as ISO strings. */
    public static final ObjectMapper JSON = configure(new ObjectMapper().findAndRegisterModules());

    private Samples() {
    }

    @SuppressWarnings("deprecation")
    private static ObjectMapper configure(ObjectMapper mapper) {
        mapper.configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
        mapper.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(SerializationFeature.INDENT_OUTPUT, true);
        mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        return mapper;
    }

    static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getClassLoader().getResourceAsStream("samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample not on the classpath: samples/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static List<String> lines(String name) {
        SourceText t = SourceText.of(text(name));
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= t.size(); i++) {
            out.add(t.raw(i));
        }
        return out;
    }

    static Extraction parse(String name) {
        try {
            return new DocumentParser(ParserLimits.defaults()).parse(bytes(name), "text/plain; charset=utf-8");
        } catch (DocumentRejectedException e) {
            throw new AssertionError(name + " rejected: " + e.reason() + " " + e.getMessage(), e);
        }
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Differences between two JSON trees, one line per differing path. */
    static List<String> diff(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("$", expected, actual, out);
        return out;
    }

    private static void diff(String path, JsonNode e, JsonNode a, List<String> out) {
        if (e == null || a == null || e.isMissingNode() || a.isMissingNode()) {
            if (!(isAbsent(e) && isAbsent(a))) {
                out.add(path + ": expected " + show(e) + " but was " + show(a));
            }
            return;
        }
        if (e.isObject() && a.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            e.fieldNames().forEachRemaining(names::add);
            a.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                diff(path + "." + n, e.get(n), a.get(n), out);
            }
        } else if (e.isArray() && a.isArray()) {
            int n = Math.max(e.size(), a.size());
            for (int i = 0; i < n; i++) {
                diff(path + "[" + i + "]", e.get(i), a.get(i), out);
            }
        } else if (e.isNumber() && a.isNumber()) {
            if (e.decimalValue().compareTo(a.decimalValue()) != 0) {
                out.add(path + ": expected " + e + " but was " + a);
            }
        } else if (!e.equals(a)) {
            out.add(path + ": expected " + show(e) + " but was " + show(a));
        }
    }

    private static boolean isAbsent(JsonNode n) {
        return n == null || n.isMissingNode();
    }

    private static String show(JsonNode n) {
        if (isAbsent(n)) {
            return "(absent)";
        }
        String s = n.toString();
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    static Iterator<String> names() {
        return ALL.iterator();
    }
}
