package org.resultsflow.catalog.mapping;

/**
 * The names of the fields claims are made about: written by {@link ClaimMapper} and read by the merges, so
 * each is spelled here once.
 */
public final class Fields {

    // Outcomes
    public static final String CODE = "code";
    public static final String OFFICE = "office";
    public static final String PLAN_PERIOD = "planPeriod";
    public static final String STATEMENT = "statement";
    public static final String DESCRIPTION = "description";
    public static final String SDG_ALIGNMENT = "sdgAlignment";
    public static final String IMPACT_AREAS = "impactAreas";
    public static final String UN_SYSTEM_FUNCTIONS = "unSystemFunctions";
    public static final String POLICY_MARKER = "policyMarker";
    public static final String HUMANITARIAN_SCOPE = "humanitarianScope";
    /** A progress note, of an outcome or of an output: status and text as one value. */
    public static final String NOTE = "note";

    // Indicators (also CODE and STATEMENT)
    public static final String NORMALISED_STATEMENT = "normalisedStatement";
    public static final String OUTCOME_ID = "outcomeId";
    public static final String OUTPUT_CODE = "outputCode";
    public static final String TAGS = "tags";
    /** An IATI indicator's measure and declared direction. */
    public static final String MEASURE = "measure";
    public static final String ASCENDING = "ascending";

    // Budgets (also OUTCOME_ID)
    public static final String ENTITY_ID = "entityId";
    public static final String ENTITY_TYPE = "entityType";
    public static final String REPORTING_YEAR = "reportingYear";
    public static final String PLANNED = "planned";
    public static final String ACTUAL = "actual";
    public static final String EXPENSES = "expenses";
    public static final String STATED_SHORTFALL = "statedShortfall";
    public static final String CORE = "core";
    public static final String NON_CORE = "nonCore";
    /** An IATI activity's budgets, planned disbursements and transactions of the year, as one list. */
    public static final String FLOWS = "flows";
    /** A partner's contribution to an outcome in a year: amounts and shares as one value. */
    public static final String CONTRIBUTION = "contribution";

    private Fields() {
    }
}
