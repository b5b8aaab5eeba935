package org.resultsflow.ingest.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.contracts.errors.ApiError;
import org.resultsflow.ingest.config.IngestConfig;
import org.resultsflow.ingest.parsing.Extraction;
import org.resultsflow.ingest.parsing.PageAddress;
import org.resultsflow.ingest.service.DocumentIngestion;
import org.resultsflow.ingest.service.DocumentRegistry;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "Results-framework documents: ingest, preview, registry")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class DocumentResource {

    private static final String ACCEPTED_TYPES = "text/plain, text/html, application/pdf, application/xml (IATI)";
    private static final String SOURCE = "The address the page was published at (https://open.unwomen.org/...). It is kept as"
            + " provenance, and gives the outcome, year= and plan_period= where the page's text does not show them";

    private final DocumentIngestion ingestion;
    private final DocumentRegistry registry;
    private final IngestConfig config;

    public DocumentResource(DocumentIngestion ingestion, DocumentRegistry registry, IngestConfig config) {
        this.ingestion = ingestion;
        this.registry = registry;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("ingest")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Ingest a document",
            description = "Parses the document, publishes its outcomes, indicators and budgets to Kafka and answers once "
                    + "every event is acknowledged. The same bytes again answer 200 with the earlier report and publish nothing.")
    @RequestBody(content = {@Content(mediaType = "text/plain"), @Content(mediaType = "text/html"),
            @Content(mediaType = "application/pdf"), @Content(mediaType = "application/xml"),
            @Content(mediaType = "text/xml")})
    @APIResponse(responseCode = "201", description = "Ingested; events published",
            content = @Content(schema = @Schema(implementation = DocumentReport.class)))
    @APIResponse(responseCode = "200", description = "Already ingested; nothing new published",
            content = @Content(schema = @Schema(implementation = DocumentReport.class)))
    @APIResponse(responseCode = "400", description = "Empty body or bad parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Token lacks the 'ingest' role")
    @APIResponse(responseCode = "413", description = "Over the size limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "Media type not supported", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "Binary garbage, broken PDF, text matching no known layout, a page whose outcome cannot be identified, XML that is not well-formed or declares a DTD, or XML that is no IATI activity file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; nothing registered, post again", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> ingest(
            byte[] body,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "A name for the document, e.g. its file name") @QueryParam("name") String name,
            @Parameter(description = "As-of date (YYYY-MM-DD) used when the document declares none") @QueryParam("asOf") String asOf,
            @Parameter(description = "The outcome (id or code) a page is about when it does not show it, as the outcome summary does; "
                    + "without it such a page is identified by its address or its statement") @QueryParam("outcome") String outcome,
            @Parameter(description = SOURCE) @QueryParam("source") String source) {
        checkBody(body, contentType);
        return ingestion.ingest(body, contentType, name, parseDate(asOf), outcome, address(source))
                .map(ingested -> Response.status(ingested.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(DocumentReport.of(ingested.document(), ingested.created()
                                ? DocumentReport.Status.PUBLISHED : DocumentReport.Status.ALREADY_INGESTED))
                        .build());
    }

    @POST
    @Path("/preview")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Preview the extraction of a document",
            description = "Parses the document and returns what would be published. Nothing is stored or published."
                    + " A page that shows any outcome, output, indicator, note, budget or funding row is answered, even"
                    + " when its outcome cannot be identified (id null, with a warning).")
    @RequestBody(content = {@Content(mediaType = "text/plain"), @Content(mediaType = "text/html"),
            @Content(mediaType = "application/pdf"), @Content(mediaType = "application/xml"),
            @Content(mediaType = "text/xml")})
    @APIResponse(responseCode = "200", description = "The extraction", content = @Content(schema = @Schema(implementation = Extraction.class)))
    @APIResponse(responseCode = "400", description = "Empty body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "Over the size limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "Media type not supported", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "422", description = "Binary garbage, broken PDF, text matching no known layout, XML that is not well-formed or declares a DTD, or XML that is no IATI activity file", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Extraction> preview(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "The outcome (id or code) a page is about when it does not show it") @QueryParam("outcome") String outcome,
            @Parameter(description = SOURCE) @QueryParam("source") String source) {
        checkBody(body, contentType);
        return ingestion.preview(body, contentType, outcome, address(source));
    }

    @GET
    @Operation(summary = "List ingested documents, newest first")
    public Uni<List<DocumentReport>> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return registry.list(page, size)
                .map(documents -> documents.stream()
                        .map(d -> DocumentReport.of(d, DocumentReport.Status.PUBLISHED)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The parse report of one document")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DocumentReport.class)))
    @APIResponse(responseCode = "404", description = "No such document", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> get(@PathParam("id") String id) {
        return registry.find(id).map(d -> d == null
                ? ApiErrors.response(Response.Status.NOT_FOUND, "No document with id " + id)
                : Response.ok(DocumentReport.of(d, DocumentReport.Status.PUBLISHED)).build());
    }

    private void checkBody(byte[] body, String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new ApiException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "Say what the document is with a Content-Type header: one of " + ACCEPTED_TYPES);
        }
        if (body == null || body.length == 0) {
            throw new ApiException(Response.Status.BAD_REQUEST, "The request body is empty: send the document's bytes");
        }
        long limit = config.maxDocumentSize().asLongValue();
        if (body.length > limit) {
            throw new ApiException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "The document has " + body.length + " bytes; the limit is " + limit + " bytes");
        }
    }

    private static PageAddress address(String source) {
        try {
            return PageAddress.parse(source);
        } catch (IllegalArgumentException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    private static LocalDate parseDate(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException(Response.Status.BAD_REQUEST, "asOf must be a date as YYYY-MM-DD, not '" + asOf + "'");
        }
    }
}
