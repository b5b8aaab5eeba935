package org.resultsflow.reporting.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.contracts.errors.ApiError;

@Path("/api/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "admin", description = "Operations on the read models; bearer token with role 'admin'")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class AdminResource {

    private final Rebuild rebuild;

    public AdminResource(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(summary = "Rebuild every read model from catalog.changes",
            description = "Replays the topic from its beginning into fresh tables and swaps them in in one transaction, "
                    + "while the live consumer keeps running. Answers at once; follow the progress with GET.")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is running already",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role 'admin'")
    public RestResponse<Object> start() {
        return rebuild.start()
                .<RestResponse<Object>>map(started -> RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.ACCEPTED, started)
                        .location(java.net.URI.create("/api/admin/rebuild")).build())
                .orElseGet(() -> RestResponse.ResponseBuilder.<Object>create(RestResponse.Status.CONFLICT,
                        ApiError.of(409, "a rebuild is running already: " + rebuild.status().id())).build());
    }

    @GET
    @Operation(summary = "Progress of the running rebuild, or how the last one ended",
            description = "Records to replay and replayed (per event type), rejected records, duration, and the rows "
                    + "of each table once swapped in.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role 'admin'")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
