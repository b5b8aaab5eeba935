package org.resultsflow.contracts.results;

import java.time.LocalDate;

/**
 * The document an event was read from.
 *
 * @param id SHA-256 of the document's bytes, lower-case hex
 * @param layout the layout the parser recognised
 * @param asOf the date the values are as of ({@code Data as of:}, else 31 December of the declared data
 *     year, else the caller's), or null
 */
public record SourceDocument(String id, String name, String mediaType, String layout, LocalDate asOf, AsOfBasis asOfBasis) {
}
