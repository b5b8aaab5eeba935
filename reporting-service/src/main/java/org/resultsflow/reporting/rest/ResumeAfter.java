package org.resultsflow.reporting.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * The key of the last row a client received, to resume an export after it: each report's rows have a key of their
 * own, every part given or none. Number parts are read as text so that one that is no number is a 400 naming it,
 * not the 404 JAX-RS answers for a query parameter it cannot convert.
 */
public final class ResumeAfter {

    private ResumeAfter() {
    }

    /** An attainment or progress row: indicator id, year, sequence. */
    public static class IndicatorYear {

        @QueryParam("afterIndicator")
        @Parameter(description = "Resume after the row of this indicator id, with afterYear and afterSequence")
        public String indicator;

        @QueryParam("afterYear")
        @Parameter(description = "… and year", schema = @Schema(type = SchemaType.INTEGER))
        public String year;

        @QueryParam("afterSequence")
        @Parameter(description = "… and sequence", schema = @Schema(type = SchemaType.INTEGER))
        public String sequence;

        ResumeKey key() {
            return ResumeKey.part("afterIndicator", indicator).number("afterYear", year).number("afterSequence", sequence)
                    .build();
        }
    }

    /** A budget row: its id. */
    public static class Budget {

        @QueryParam("afterId")
        @Parameter(description = "Resume after the budget row of this id")
        public String id;

        ResumeKey key() {
            return ResumeKey.part("afterId", id).build();
        }
    }

    /** A funding contribution: outcome id, partner, year, sequence. */
    public static class Funding {

        @QueryParam("afterOutcome")
        @Parameter(description = "Resume after the contribution of this outcome id, with afterPartner, afterYear and "
                + "afterSequence")
        public String outcome;

        @QueryParam("afterPartner")
        @Parameter(description = "… and partner")
        public String partner;

        @QueryParam("afterYear")
        @Parameter(description = "… and year", schema = @Schema(type = SchemaType.INTEGER))
        public String year;

        @QueryParam("afterSequence")
        @Parameter(description = "… and sequence (1 unless one document states several contributions of the partner "
                + "that year)", schema = @Schema(type = SchemaType.INTEGER))
        public String sequence;

        ResumeKey key() {
            return ResumeKey.part("afterOutcome", outcome).part("afterPartner", partner).number("afterYear", year)
                    .number("afterSequence", sequence).build();
        }
    }
}
