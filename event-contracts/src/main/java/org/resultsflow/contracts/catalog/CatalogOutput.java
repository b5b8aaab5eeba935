package org.resultsflow.contracts.catalog;

public record CatalogOutput(String code, String statement, Provenance provenance) {
}
