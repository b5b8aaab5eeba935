package org.resultsflow.catalog.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.resultsflow.contracts.errors.ApiError;

/** Every failure becomes a JSON {@link ApiError}; the log keeps the detail. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return error(status, e.getMessage());
    }

    /** Constraint violations of parameters: the one error shape, with a violation per parameter. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ApiError.invalid(e.getConstraintViolations()
                .stream().map(v -> ApiError.Violation.ofPath(v.getPropertyPath().toString(), v.getMessage())).toList()))
                .build();
    }

    @ServerExceptionMapper
    public Response ambiguous(AmbiguousLookup e) {
        return Response.status(409).type(MediaType.APPLICATION_JSON).entity(ApiError.ambiguous(e.getMessage(), e.candidates()))
                .build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return error(401, "A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return error(403, "The token lacks the role this operation needs");
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return error(500, "The service failed to handle this request; the cause is in its log");
    }

    private static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(status, message)).build();
    }
}
