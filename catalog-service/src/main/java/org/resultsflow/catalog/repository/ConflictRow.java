package org.resultsflow.catalog.repository;

import java.math.BigDecimal;
import java.util.List;

/**
 * One observation of {@code /api/conflicts} as an export row: the observation, its canonical value with the
 * document and lines it came from, and the other known values other documents gave.
 *
 * @param position the observation's place among its indicator's observations: with {@code indicatorId} the row's
 *     key, as in the observations export
 * @param value the canonical value's token as the document shows it
 * @param printedAs the text exactly as printed when the page printed the value twice; else null
 * @param number the canonical value as a number, for numbers and percentages; else null
 * @param documentId the document the canonical value came from; with the columns after it, its provenance
 * @param otherValueCount how many other values there are
 * @param otherValues the other values, each with its document and lines
 */
public record ConflictRow(String indicatorId, long position, String indicatorCode, String outcomeId, String parentId,
        String office, Integer year, String kind, Integer sequence, String value, String printedAs, BigDecimal number,
        String valueType, String documentId, String documentName, String source, Integer firstLine, Integer lastLine,
        String asOf, String asOfBasis, int otherValueCount, List<OtherValue> otherValues) {

    /** A known value a document gave that is not the canonical one, and where. */
    public record OtherValue(String value, BigDecimal number, String valueType, String documentId, String documentName,
            Integer firstLine, Integer lastLine, String asOf) {
    }
}
