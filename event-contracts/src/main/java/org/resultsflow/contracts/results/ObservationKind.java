package org.resultsflow.contracts.results;

public enum ObservationKind {
    BASELINE,
    MILESTONE,
    TARGET,
    RESULT
}
