package org.resultsflow.catalog.repository;

import java.util.List;

/**
 * One canonical outcome of {@code /api/outcomes} as an export row: its fields, how many outputs and progress notes
 * it has ({@code /api/outcomes/{id}} gives them), and where its statement was read.
 *
 * @param outputs how many outputs the outcome's documents list
 * @param progressNotes how many progress notes are filed under the outcome itself (its outputs' not counted)
 * @param documentId the document the statement was taken from; with the columns after it, its provenance
 * @param firstLine the first line of that document the statement was read from
 * @param lastLine the last line of it
 */
public record OutcomeRow(String outcomeId, String code, String office, String planPeriod, String statement,
        String description, List<String> sdgAlignment, List<String> impactAreas, List<String> unSystemFunctions,
        String policyMarker, String humanitarianScope, int outputs, int progressNotes, String documentId,
        String documentName, String source, Integer firstLine, Integer lastLine, String asOf, String asOfBasis) {
}
