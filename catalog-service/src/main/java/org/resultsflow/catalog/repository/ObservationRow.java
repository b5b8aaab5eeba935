package org.resultsflow.catalog.repository;

import java.math.BigDecimal;

/**
 * One canonical observation in long format: what it is of, its value, and where that value came from.
 *
 * @param position the observation's place among its indicator's observations (year, none first, kind, sequence):
 *     with {@code indicatorId} the row's key
 * @param year the year as printed; null when the document shows none
 * @param dimensions the disaggregation the value is for, as JSON; null when none
 * @param value the value's token as the document shows it ({@code "0.19%"}, {@code "TBD"})
 * @param printedAs the text exactly as printed when the page printed the value twice; else null
 * @param number the value as a number, for numbers and percentages (the percentage as shown); else null
 * @param valueType how the token reads: NUMBER, PERCENT, TEXT, BOOLEAN, MARKER…
 * @param measure the unit an IATI indicator declares (UNIT, PERCENTAGE…); else null
 * @param firstLine the first line of the document the value was read from
 * @param lastLine the last line of it
 * @param conflicts how many other known values other documents gave for this observation
 */
public record ObservationRow(String indicatorId, long position, String indicatorCode, String statement, String outcomeId,
        String outputCode, String office, String kind, Integer year, Integer sequence, String periodStart, String periodEnd,
        String dimensions, String value, String printedAs, BigDecimal number, String valueType, String measure,
        String documentId, String documentName, String source, Integer firstLine, Integer lastLine, String asOf,
        String asOfBasis, int conflicts) {
}
