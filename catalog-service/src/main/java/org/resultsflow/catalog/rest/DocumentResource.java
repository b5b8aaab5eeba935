package org.resultsflow.catalog.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.resultsflow.catalog.repository.ClaimRepository;
import org.resultsflow.catalog.repository.SourceDocumentRepository;
import org.resultsflow.contracts.errors.ApiError;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents", description = "Documents whose events reached the catalog")
public class DocumentResource {

    private final SourceDocumentRepository documents;
    private final ClaimRepository claims;

    public DocumentResource(SourceDocumentRepository documents, ClaimRepository claims) {
        this.documents = documents;
        this.claims = claims;
    }

    @GET
    @WithSession
    @Operation(summary = "List the documents seen", description = "In id order, with how many values (claims) each gave.")
    @APIResponse(responseCode = "200", headers = @Header(name = Totals.TOTAL, description = "Items matching the filters, all pages"), content = @Content(schema = @Schema(implementation = Views.Document.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid page or size", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<RestResponse<List<Views.Document>>> list(
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Totals.answer(documents.findAll(Sort.by("id")).page(Page.of(page, size)).list().chain(found ->
                claims.countByDocument(found.stream().map(d -> d.id).toList()).map(counts -> {
                    Map<String, Long> byId = counts.stream().collect(Collectors.toMap(
                            ClaimRepository.DocumentClaims::documentId, ClaimRepository.DocumentClaims::claims));
                    return found.stream().map(d -> new Views.Document(d.id, d.name, d.mediaType, d.layout, d.asOf,
                            d.asOfBasis, d.source, d.firstSeenAt, byId.getOrDefault(d.id, 0L))).toList();
                })), documents::count);
    }
}
