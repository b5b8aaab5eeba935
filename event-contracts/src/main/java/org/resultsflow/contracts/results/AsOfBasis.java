package org.resultsflow.contracts.results;

/** Where a document's as-of came from, strongest first; {@link #NONE} ranks lowest in merges. */
public enum AsOfBasis {
    DECLARED_DATE,
    DATA_YEAR,
    CALLER,
    NONE
}
