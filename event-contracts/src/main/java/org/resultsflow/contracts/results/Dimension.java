package org.resultsflow.contracts.results;

/**
 * A disaggregation a value is reported for ({@code sex} = {@code female}), as the document names it. Part of
 * an observation's identity: the target and the actual of one period and dimension set belong together.
 */
public record Dimension(String name, String value) {
}
