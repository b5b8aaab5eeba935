package org.resultsflow.contracts.catalog;

/** The canonical progress note of an outcome for one year: status and text as one document gave them. */
public record CatalogProgressNote(int year, String status, String text, Provenance provenance) {
}
