package org.resultsflow.contracts.results;

/** Data of {@code results.outcome.v1}: an outcome as seen in one document. Key: the outcome id. */
public record OutcomeReported(SourceDocument document, Outcome outcome) {
}
