package org.resultsflow.ingest.parsing;

import java.time.LocalDate;

/**
 * What a document declares about itself.
 *
 * @param declaredAsOf the date of {@code Data as of: 23 November 2024}, or null
 * @param dataYear the year the document declares its data to be of ({@code Showing data of : 2021}, or the
 *     year in the title of a yearly report), else its address's {@code year=}, or null
 * @param office the office prefix of the outcome codes when they all agree, or null (never taken from the
 *     country header block, which is often boilerplate of another country)
 * @param planPeriod {@code 2020-2025} from {@code Plan Period : 2020-2025}, or null
 * @param lineCount number of lines of the decoded text the line ranges refer to
 * @param source the page's address when the caller gave it, or null
 */
public record DocumentFacts(LocalDate declaredAsOf, Integer dataYear, String office, String planPeriod, int lineCount,
        String source) {
}
