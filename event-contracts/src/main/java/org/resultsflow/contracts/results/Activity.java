package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What an IATI activity states about itself: the unit that owns results and budgets in an IATI file. Carried
 * on the outcome it is read into; null for documents of other sources.
 *
 * @param identifier the {@code iati-identifier}
 * @param defaultCurrency the currency of values that name none, or null
 * @param status the activity status code as published, or null
 * @param dates the activity dates in document order
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Activity(
        String identifier,
        Organisation reportingOrg,
        String defaultCurrency,
        String status,
        List<Date> dates,
        List<Classification> recipientCountries,
        List<Classification> recipientRegions,
        List<Classification> sectors,
        List<Classification> policyMarkers,
        List<Organisation> participatingOrgs) {

    public Activity {
        dates = copy(dates);
        recipientCountries = copy(recipientCountries);
        recipientRegions = copy(recipientRegions);
        sectors = copy(sectors);
        policyMarkers = copy(policyMarkers);
        participatingOrgs = copy(participatingOrgs);
    }

    /**
     * An activity date.
     *
     * @param type PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END, or the code as published
     * @param date null when the published date is not an ISO date (then {@code raw} keeps it)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Date(String type, LocalDate date, String raw) {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
