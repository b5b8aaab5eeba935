package org.resultsflow.catalog.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.catalog.messaging.ResultsConsumer;
import org.resultsflow.catalog.repository.DeadLetterRepository;
import org.resultsflow.contracts.deadletters.DeadLetter;
import org.resultsflow.contracts.deadletters.DeadLetterAdmin;
import org.resultsflow.contracts.deadletters.DeadLetterApi;
import org.resultsflow.contracts.deadletters.ReplayReport;
import org.resultsflow.contracts.deadletters.ReplayRequest;
import org.resultsflow.contracts.errors.ApiError;

/** The records the ingest topics' consumers set aside: listed, and sent through again once the cause is fixed. */
@Path(DeadLetterApi.PATH)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(DeadLetterApi.ROLE)
@Tag(name = "admin", description = "Operations on the consumers; bearer token with role 'admin'")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "bearer")
public class DeadLetterResource {

    private final DeadLetterAdmin admin;

    public DeadLetterResource(DeadLetterRepository store, ResultsConsumer consumer, Config config) {
        this.admin = new DeadLetterAdmin(store, consumer.consumers(),
                channel -> config.getValues("mp.messaging.incoming." + channel + ".topics", String.class));
    }

    @GET
    @Operation(summary = DeadLetterApi.LIST_SUMMARY, description = DeadLetterApi.LIST_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "One page of dead letters",
            headers = @Header(name = DeadLetterApi.TOTAL, description = "Dead letters that match, all pages"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetter.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid state, page or size",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role 'admin'")
    public Uni<RestResponse<List<DeadLetter>>> list(
            @Parameter(description = "Only those read from this topic, e.g. results.indicators") @QueryParam("topic") String topic,
            @Parameter(description = "pending (not replayed yet) or replayed; both when absent")
            @QueryParam("state") @Pattern(regexp = "pending|replayed", message = "must be pending or replayed") String state,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(DeadLetterApi.MAX_SIZE) int size) {
        return Uni.createFrom().completionStage(() -> admin.list(topic, state, page, size, here()))
                .map(listed -> RestResponse.ResponseBuilder.ok(listed.letters()).header(DeadLetterApi.TOTAL, listed.total()).build());
    }

    @POST
    @Path(DeadLetterApi.REPLAY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = DeadLetterApi.REPLAY_SUMMARY, description = DeadLetterApi.REPLAY_DESCRIPTION)
    @APIResponse(responseCode = "200", description = "What was applied and what was refused again",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)))
    @APIResponse(responseCode = "400", description = "Both ids and a topic, a topic not consumed here, or too many ids",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The token lacks role 'admin'")
    @APIResponse(responseCode = "503", description = DeadLetterApi.STOPPED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<Object>> replay(ReplayRequest request) {
        return Uni.createFrom().completionStage(() -> admin.replay(request, here()))
                .map(answer -> RestResponse.ResponseBuilder.create(RestResponse.Status.fromStatusCode(answer.status()), answer.body())
                        .build());
    }

    /** The request's own context: each step of a list or replay runs there, as its reactive sessions need. */
    private static Executor here() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : command -> context.runOnContext(ignored -> command.run());
    }
}
