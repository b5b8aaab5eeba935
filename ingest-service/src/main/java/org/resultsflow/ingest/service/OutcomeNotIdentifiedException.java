package org.resultsflow.ingest.service;

/** The document does not show which outcome it is about, and nothing else tells. */
public class OutcomeNotIdentifiedException extends RuntimeException {

    public OutcomeNotIdentifiedException(String message) {
        super(message);
    }
}
