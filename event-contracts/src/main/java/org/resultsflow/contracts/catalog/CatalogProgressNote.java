package org.resultsflow.contracts.catalog;

import org.resultsflow.contracts.results.ProgressNote.YearBasis;

/**
 * The canonical progress note of an outcome or output for one year and sequence: status and text as one
 * document gave them. Its identity is the entity + {@code year} + {@code sequence}.
 *
 * @param year the year reported on; null when no document states it
 * @param yearBasis where the year came from
 * @param sequence 1-based rank among the notes of the same entity and year in a document
 * @param partial whether the document ended inside the note: the text is what it shows
 */
public record CatalogProgressNote(Integer year, YearBasis yearBasis, int sequence, String status, String text,
        boolean partial, Provenance provenance) {

    public CatalogProgressNote {
        if (sequence < 1) {
            sequence = 1;
        }
        if (yearBasis == null) {
            yearBasis = year == null ? YearBasis.NONE : YearBasis.PAGE;
        }
    }
}
