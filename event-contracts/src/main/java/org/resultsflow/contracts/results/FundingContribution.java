package org.resultsflow.contracts.results;

/** A partner's contribution to an outcome in one year. */
public record FundingContribution(
        String partner, int year, Money total, Money development, Money humanitarian, LineRange lines) {
}
