/**
 * What one document says about results: the payloads of the {@code results.*} topics.
 *
 * <p>These records are produced by the ingest-service parsers and consumed by catalog-service. Their
 * JSON form is described by the schemas under {@code schemas/} in this module; a test holds the two
 * together.
 */
package org.resultsflow.contracts.results;
