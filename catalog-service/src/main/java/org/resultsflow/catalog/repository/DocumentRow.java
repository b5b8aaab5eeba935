package org.resultsflow.catalog.repository;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One document of {@code /api/documents} as an export row.
 *
 * @param asOf the date the document's values are as of; null when it states none
 * @param source the address the document was published at, when its reader gave it
 * @param firstSeenAt when the catalog first received an event of the document
 * @param claims how many values (claims) the document gave
 */
public record DocumentRow(String documentId, String name, String mediaType, String layout, LocalDate asOf,
        String asOfBasis, String source, Instant firstSeenAt, long claims) {
}
