package org.resultsflow.contracts.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An outcome as one document shows it. Fields a document does not show are null (or empty lists).
 *
 * @param id full id with the registry prefix ({@code XM-DAC-41146-MEX_D_2.1})
 * @param code the short code ({@code MEX_D_2.1})
 * @param office the office prefix of the code ({@code MEX}); for an IATI activity whose identifier is no
 *     portal outcome id, the reporting organisation's identifier
 * @param activity what an IATI activity states about itself; null for documents of other sources
 */
public record Outcome(
        String id,
        String code,
        String office,
        String planPeriod,
        String statement,
        String description,
        List<String> sdgAlignment,
        List<String> impactAreas,
        List<String> unSystemFunctions,
        String policyMarker,
        String humanitarianScope,
        List<Output> outputs,
        List<ProgressNote> progressNotes,
        LineRange lines,
        @JsonInclude(JsonInclude.Include.NON_NULL) Activity activity) {

    public Outcome(String id, String code, String office, String planPeriod, String statement, String description,
            List<String> sdgAlignment, List<String> impactAreas, List<String> unSystemFunctions, String policyMarker,
            String humanitarianScope, List<Output> outputs, List<ProgressNote> progressNotes, LineRange lines) {
        this(id, code, office, planPeriod, statement, description, sdgAlignment, impactAreas, unSystemFunctions,
                policyMarker, humanitarianScope, outputs, progressNotes, lines, null);
    }
}
