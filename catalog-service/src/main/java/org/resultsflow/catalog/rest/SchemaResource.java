package org.resultsflow.catalog.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.resultsflow.contracts.EventSchemas;

/**
 * The JSON Schemas of the event contracts, served from the event-contracts jar so that the references of
 * /asyncapi.yaml ({@code schemas/<type>.json}) and of the schemas to each other resolve.
 */
@Path("/schemas")
@Tag(name = "contracts", description = "JSON Schemas of the events (the AsyncAPI document is at /asyncapi.yaml)")
public class SchemaResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*\\.json");

    @GET
    @Path("/{name}")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema of an event type, e.g. catalog.indicator.v1.json")
    @APIResponse(responseCode = "200", description = "The schema")
    @APIResponse(responseCode = "404", description = "No such schema")
    public byte[] schema(@Parameter(description = "<type>.json or common.v1.json") @PathParam("name") String name) {
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundException("No schema named " + name);
        }
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new NotFoundException("No schema named " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
