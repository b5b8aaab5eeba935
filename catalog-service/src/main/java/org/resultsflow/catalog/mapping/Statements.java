package org.resultsflow.catalog.mapping;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalised statement of DESIGN §2, for an indicator event that carries none: NFKC, typographic
 * quotes and dashes to ASCII, words rejoined across line-wrap hyphens, whitespace collapsed, case folded.
 * Events normally carry ingest's normalisation, which is used as given.
 */
public final class Statements {

    private Statements() {
    }

    public static String normalise(String statement) {
        if (statement == null) {
            return "";
        }
        String text = Normalizer.normalize(statement, Normalizer.Form.NFKC)
                .replaceAll("[\u2018\u2019\u201A\u201B\u2032\u00B4]", "'")
                .replaceAll("[\u201C\u201D\u201E\u201F\u2033]", "\"")
                .replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]", "-")
                .replaceAll("(\\p{L})-\\s*\\R\\s*(\\p{L})", "$1$2")
                .replaceAll("\\s+", " ")
                .strip();
        return text.toLowerCase(Locale.ROOT);
    }
}
