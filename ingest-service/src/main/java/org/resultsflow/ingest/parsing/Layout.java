package org.resultsflow.ingest.parsing;

/** The document layouts the parsers understand, recognised from the content (never from the file name). */
public enum Layout {
    /** A list of outcomes, each an {@code outcome <id>} line, its statement and one narrative. */
    PROGRESS_NOTES_LIST,
    /** The web page of one outcome: details, resources, indicator blocks, outputs, progress note. */
    OUTCOME_PAGE,
    /** A yearly country report: {@code Progress in <country> country in <year>}, {@code OUTCOME <id>} sections. */
    COUNTRY_PROGRESS_REPORT,
    /** The summary page of one outcome: funding partners table and progress notes of several years. */
    OUTCOME_SUMMARY,
    /** The PDF export of an outcome page: {@code YEAR BMTS REPORTED RESULT} rows. */
    OUTCOME_PDF_EXPORT
}
