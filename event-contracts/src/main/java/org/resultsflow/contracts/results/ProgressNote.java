package org.resultsflow.contracts.results;

/**
 * The yearly narrative on an outcome.
 *
 * @param status the status class the narrative states ({@code ACHIEVED}, {@code NOT_ACHIEVED_BUT_PROGRESS},
 *     {@code SIGNIFICANT_PROGRESS}, {@code ON_TRACK}, …), or {@code UNSTATED}
 */
public record ProgressNote(int year, String status, String text, LineRange lines) {
}
