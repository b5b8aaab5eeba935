package org.resultsflow.ingest.rest;

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
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.service.OutcomeNotIdentifiedException;
import org.resultsflow.ingest.service.PublishFailedException;

/** Every failure becomes a JSON {@link ApiError}; the log keeps the detail, the caller gets a sentence. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** 422 has no constant in Jakarta REST, so statuses are plain numbers here. */
    static final int UNPROCESSABLE = 422;

    static Response response(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(status, message)).build();
    }

    static Response response(Response.Status status, String message) {
        return response(status.getStatusCode(), message);
    }

    /** Constraint violations of parameters: the one error shape, with a violation per parameter. */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(ApiError.invalid(e.getConstraintViolations()
                .stream().map(v -> ApiError.Violation.ofPath(v.getPropertyPath().toString(), v.getMessage())).toList()))
                .build();
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response rejected(DocumentRejectedException e) {
        int status = switch (e.reason()) {
            case EMPTY -> 400;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case BINARY, NOT_A_PDF, UNKNOWN_LAYOUT, LIMIT_EXCEEDED, ENCRYPTED, ACTIVE_CONTENT, MALFORMED_XML, UNSAFE_XML ->
                    UNPROCESSABLE;
        };
        return response(status, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unidentified(OutcomeNotIdentifiedException e) {
        return response(UNPROCESSABLE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(PublishFailedException e) {
        LOG.warn("Publishing failed: " + e.getMessage(), e.getCause());
        return response(Response.Status.SERVICE_UNAVAILABLE,
                "The event broker did not acknowledge the document's events; nothing was registered. Post it again.");
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return response(Response.Status.UNAUTHORIZED, "A bearer token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(Response.Status.FORBIDDEN, "The token lacks the 'ingest' role");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        return response(e.getResponse().getStatus(), e.getMessage());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return response(Response.Status.INTERNAL_SERVER_ERROR,
                "The service failed to handle this request; the cause is in its log");
    }
}
