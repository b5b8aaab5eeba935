package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An organisation as an activity names it.
 *
 * @param ref its organisation identifier, or null when not given
 * @param type the organisation type code as published
 * @param role for a participating organisation, its role (FUNDING, ACCOUNTABLE, EXTENDING, IMPLEMENTING, or the
 *     code as published when it is none of these); null otherwise
 * @param activityId the activity the organisation records this under, when given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Organisation(String ref, String type, String role, String name, String activityId) {
}
