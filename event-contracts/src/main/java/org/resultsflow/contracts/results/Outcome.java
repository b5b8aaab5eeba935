package org.resultsflow.contracts.results;

import java.util.List;

/**
 * An outcome as one document shows it. Fields a document does not show are null (or empty lists).
 *
 * @param id full id with the registry prefix ({@code XM-DAC-41146-MEX_D_2.1})
 * @param code the short code ({@code MEX_D_2.1})
 * @param office the office prefix of the code ({@code MEX})
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
        LineRange lines) {
}
