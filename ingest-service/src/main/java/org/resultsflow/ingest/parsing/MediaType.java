package org.resultsflow.ingest.parsing;

import java.util.Locale;

/** The base type and charset parameter of a {@code Content-Type} value. */
record MediaType(String base, String charset) {

    static MediaType parse(String value) {
        if (value == null || value.isBlank()) {
            return new MediaType("", null);
        }
        String[] parts = value.split(";");
        String base = parts[0].trim().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("charset")) {
                charset = p.substring(eq + 1).trim().replace("\"", "");
            }
        }
        return new MediaType(base, charset);
    }
}
