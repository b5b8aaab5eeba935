package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A coded classification of an activity (recipient country or region, sector, policy marker), as given: codes
 * are kept as published, never looked up or replaced.
 *
 * @param vocabulary the vocabulary's code, or null when the element has none (countries)
 * @param percentage the share as published (text, so {@code 33.3} stays {@code 33.3} and a wrong value stays visible)
 * @param significance a policy marker's significance code, else null
 * @param name the narrative given with the code, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Classification(String vocabulary, String code, String percentage, String significance, String name) {
}
