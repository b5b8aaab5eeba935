package org.resultsflow.contracts.results;

/**
 * A code of an external vocabulary a result or indicator refers to (an SDG target or indicator, a
 * publisher's own list), as the document gives it.
 *
 * @param vocabulary the vocabulary's code as given ({@code 9} = SDG targets in IATI's IndicatorVocabulary)
 * @param uri where the vocabulary or indicator is described, when given
 */
public record Reference(String vocabulary, String code, String uri) {
}
