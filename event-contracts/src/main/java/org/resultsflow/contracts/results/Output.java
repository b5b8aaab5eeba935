package org.resultsflow.contracts.results;

/** A result under an outcome, identified by its code ({@code MEX_D_2.1.1}). */
public record Output(String code, String statement, LineRange lines) {
}
