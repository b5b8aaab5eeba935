package org.resultsflow.contracts.catalog;

import java.time.LocalDate;
import org.resultsflow.contracts.results.AsOfBasis;
import org.resultsflow.contracts.results.LineRange;

/** Which document a canonical value came from, where in it, and as of when. */
public record Provenance(String documentId, String documentName, LineRange lines, LocalDate asOf, AsOfBasis asOfBasis) {
}
