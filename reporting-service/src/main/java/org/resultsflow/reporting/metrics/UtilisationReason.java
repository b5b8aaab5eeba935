package org.resultsflow.reporting.metrics;

/** Why a budget has no utilisation rate (expenditure ÷ budget). */
public enum UtilisationReason {
    /** No budget amount for the year. */
    NO_BUDGET,
    /** No expenditure for the year. */
    NO_EXPENDITURE,
    /** A budget or expenditure is stated, but not as a number in a named currency (kept as shown). */
    NON_NUMERIC,
    /** Budget and expenditure are in different currencies: amounts are never converted. */
    CURRENCIES_DIFFER,
    /** The budget is zero. */
    ZERO_BUDGET
}
