package org.resultsflow.contracts.results;

public enum BudgetEntityType {
    OUTCOME,
    OUTPUT
}
