package org.resultsflow.contracts.catalog;

import java.time.LocalDate;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;

/**
 * Which document a canonical value came from, where in it, and as of when.
 *
 * @param source the address the document was published at, when its reader gave it; else null
 */
public record Provenance(String documentId, String documentName, LineRange lines, LocalDate asOf, AsOfBasis asOfBasis,
        String source) {

    public Provenance(String documentId, String documentName, LineRange lines, LocalDate asOf, AsOfBasis asOfBasis) {
        this(documentId, documentName, lines, asOf, asOfBasis, null);
    }
}
