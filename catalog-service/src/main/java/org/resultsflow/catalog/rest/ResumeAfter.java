package org.resultsflow.catalog.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.resultsflow.contracts.export.ResumeKey;

/**
 * The key of the last row a client received, to resume an export after it: the key of the order the rows come in,
 * every part given or none (the contracts' {@link ResumeKey} rule); anything else is a 400.
 */
public final class ResumeAfter {

    private ResumeAfter() {
    }

    /** A row of one observation (observations, conflicts): indicator id and the observation's position. */
    public static class Observation {

        @QueryParam("afterIndicator")
        @Parameter(description = "Resume after the row of this indicator id, with afterPosition")
        public String indicator;

        @QueryParam("afterPosition")
        @Parameter(description = "… and position (a whole number)", schema = @Schema(type = SchemaType.INTEGER))
        public String position;

        ResumeKey key() {
            return given(() -> ResumeKey.part("afterIndicator", indicator).number("afterPosition", position).build());
        }
    }

    /** An outcome row: its id. */
    public static class Outcome {

        @QueryParam("afterOutcome")
        @Parameter(description = "Resume after the row of this outcome id")
        public String outcome;

        ResumeKey key() {
            return given(() -> ResumeKey.part("afterOutcome", outcome).build());
        }
    }

    /** An indicator row: its id. */
    public static class Indicator {

        @QueryParam("afterIndicator")
        @Parameter(description = "Resume after the row of this indicator id")
        public String indicator;

        ResumeKey key() {
            return given(() -> ResumeKey.part("afterIndicator", indicator).build());
        }
    }

    /** A budget row: its id, {@code <entityId>/<reportingYear>}. */
    public static class Budget {

        @QueryParam("afterBudget")
        @Parameter(description = "Resume after the row of this budget id (<entityId>/<reportingYear>)")
        public String budget;

        ResumeKey key() {
            return given(() -> ResumeKey.part("afterBudget", budget).build());
        }
    }

    /** A document row: its id. */
    public static class Document {

        @QueryParam("afterDocument")
        @Parameter(description = "Resume after the row of this document id")
        public String document;

        ResumeKey key() {
            return given(() -> ResumeKey.part("afterDocument", document).build());
        }
    }

    /** The key the request gave; a key the rule refuses is the client's error. */
    private static ResumeKey given(Supplier<ResumeKey> key) {
        try {
            return key.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
