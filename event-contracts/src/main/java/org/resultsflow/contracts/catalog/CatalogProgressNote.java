package org.resultsflow.contracts.catalog;

/** The canonical progress note of an outcome for one year. */
public record CatalogProgressNote(int year, String status, String text, Provenance provenance) {
}
