/**
 * The canonical records catalog-service publishes on {@code catalog.changes}: full state after a change,
 * a version increasing per entity, the fields that changed and the provenance of every value.
 */
package org.resultsflow.contracts.catalog;
