package org.resultsflow.ingest.parsing.iati;

import java.util.Map;

/**
 * The IATI code lists the mapping names values by (2.03). A code outside its list is kept as published and
 * reported: the list may have grown, or the publisher erred; either way nothing is guessed.
 */
enum IatiCodes {
    RESULT_TYPE(Map.of("1", "OUTPUT", "2", "OUTCOME", "3", "IMPACT", "9", "OTHER")),
    INDICATOR_MEASURE(Map.of("1", "UNIT", "2", "PERCENTAGE", "3", "NOMINAL", "4", "ORDINAL", "5", "QUALITATIVE")),
    ORGANISATION_ROLE(Map.of("1", "FUNDING", "2", "ACCOUNTABLE", "3", "EXTENDING", "4", "IMPLEMENTING")),
    ACTIVITY_DATE_TYPE(Map.of("1", "PLANNED_START", "2", "ACTUAL_START", "3", "PLANNED_END", "4", "ACTUAL_END")),
    BUDGET_TYPE(Map.of("1", "ORIGINAL", "2", "REVISED")),
    BUDGET_STATUS(Map.of("1", "INDICATIVE", "2", "COMMITTED")),
    TRANSACTION_TYPE(Map.ofEntries(Map.entry("1", "INCOMING_FUNDS"), Map.entry("2", "OUTGOING_COMMITMENT"),
            Map.entry("3", "DISBURSEMENT"), Map.entry("4", "EXPENDITURE"), Map.entry("5", "INTEREST_PAYMENT"),
            Map.entry("6", "LOAN_REPAYMENT"), Map.entry("7", "REIMBURSEMENT"), Map.entry("8", "PURCHASE_OF_EQUITY"),
            Map.entry("9", "SALE_OF_EQUITY"), Map.entry("10", "CREDIT_GUARANTEE"),
            Map.entry("11", "INCOMING_COMMITMENT"), Map.entry("12", "OUTGOING_PLEDGE"),
            Map.entry("13", "INCOMING_PLEDGE")));

    private final Map<String, String> names;

    IatiCodes(Map<String, String> names) {
        this.names = names;
    }

    /** The name of a code, or null when the code is not in the list. */
    String name(String code) {
        return code == null ? null : names.get(code.strip());
    }
}
