package org.resultsflow.ingest.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.resultsflow.ingest.parsing.DocumentRejectedException;
import org.resultsflow.ingest.service.PublishFailedException;

/** Every failure becomes a JSON {@link ApiError}; the log keeps the detail, the caller gets a sentence. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }

    @ServerExceptionMapper
    public Response refused(ApiException e) {
        return response(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response rejected(DocumentRejectedException e) {
        Response.Status status = switch (e.reason()) {
            case EMPTY -> Response.Status.BAD_REQUEST;
            case UNSUPPORTED_MEDIA_TYPE -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case BINARY, NOT_A_PDF, UNKNOWN_LAYOUT -> Response.Status.fromStatusCode(422);
        };
        return response(status, e.getMessage());
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
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        return response(status != null ? status : Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return response(Response.Status.INTERNAL_SERVER_ERROR,
                "The service failed to handle this request; the cause is in its log");
    }
}
