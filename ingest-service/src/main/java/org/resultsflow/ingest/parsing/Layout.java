package org.resultsflow.ingest.parsing;

/** The page layouts the parsers understand, recognised from the content (never from the file name or address). */
public enum Layout {
    /** A list of outcomes, each an {@code outcome <id>} line (or a title alone), its statement and its notes. */
    PROGRESS_NOTES_LIST,
    /** The web page of one outcome: details, resources, indicator blocks, outputs, progress note. */
    OUTCOME_PAGE,
    /** A yearly country report: {@code Progress in <country> country in <year>}, {@code OUTCOME <id>} sections. */
    COUNTRY_PROGRESS_REPORT,
    /** The summary tab of one outcome: funding partners table and progress notes under their titles. */
    OUTCOME_SUMMARY,
    /** The PDF export of an outcome page: {@code YEAR BMTS REPORTED RESULT} rows. */
    OUTCOME_PDF_EXPORT,
    /** The results tab of one outcome: an {@code Outcome} row and output rows, each with its indicator blocks. */
    OUTCOME_RESULTS,
    /** An outcome page rendered as text alone: the title repeated between its sections, no codes or labels. */
    OUTCOME_TEXT,
    /** A global strategic-plan outcome: its name, statement, SDGs and result stories. */
    GLOBAL_OUTCOME,
    /** An IATI activity file ({@code <iati-activities>}, XML): one outcome per activity. */
    IATI_ACTIVITIES,
    /** An office's overview or narrative page: no outcome, indicator, budget or note is shown as such. */
    OFFICE_PAGE
}
