package org.resultsflow.contracts.results;

/** One value of an indicator: its identity is the indicator + {@code year} + {@code kind}. */
public record Observation(int year, ObservationKind kind, ObservedValue value, LineRange lines) {
}
