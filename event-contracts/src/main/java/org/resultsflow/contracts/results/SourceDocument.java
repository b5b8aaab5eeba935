package org.resultsflow.contracts.results;

import java.time.LocalDate;

/**
 * The document an event was read from.
 *
 * @param id SHA-256 of the document's bytes, lower-case hex
 * @param layout the layout the parser recognised
 * @param asOf the date the values are as of ({@code Data as of:}, else 31 December of the declared data
 *     year, else the caller's), or null
 * @param source the address the document was published at, when the caller gave it; null otherwise
 */
public record SourceDocument(String id, String name, String mediaType, String layout, LocalDate asOf,
        AsOfBasis asOfBasis, String source) {

    public SourceDocument(String id, String name, String mediaType, String layout, LocalDate asOf, AsOfBasis asOfBasis) {
        this(id, name, mediaType, layout, asOf, asOfBasis, null);
    }
}
