package org.resultsflow.reporting.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters every report export takes, as its paged list does; blank is no filter. */
public class ReportFilter {

    @QueryParam("office")
    @Parameter(description = "Office, e.g. MEX")
    public String office;

    @QueryParam("outcome")
    @Parameter(description = "Outcome id or code")
    public String outcome;

    @QueryParam("year")
    @Parameter(description = "Year (of a budget: its reporting year)")
    public Integer year;
}
