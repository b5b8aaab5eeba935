package org.resultsflow.contracts.results;

/** Data of {@code results.indicator.v1}: an indicator and its observations in one document. Key: the indicator key. */
public record IndicatorReported(SourceDocument document, Indicator indicator) {
}
