package org.resultsflow.reporting.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.resultsflow.contracts.errors.ApiError;

/** Errors as JSON ({@link ApiError}, the shape of every service), whatever representation the request asked for. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ApiError> webApplication(WebApplicationException e) {
        return json(ApiError.of(e.getResponse().getStatus(), e.getMessage()));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> badArgument(IllegalArgumentException e) {
        return json(ApiError.of(400, e.getMessage()));
    }

    /** Constraint violations of query parameters: one entry per parameter, named as the client sent it. */
    @ServerExceptionMapper
    public RestResponse<ApiError> invalid(ConstraintViolationException e) {
        return json(ApiError.invalid(e.getConstraintViolations().stream()
                .map(v -> ApiError.Violation.ofPath(v.getPropertyPath().toString(), v.getMessage())).toList()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<ApiError> unauthorized() {
        return json(ApiError.of(401, "A valid bearer token is required"));
    }

    @ServerExceptionMapper
    public RestResponse<ApiError> forbidden(ForbiddenException e) {
        return json(ApiError.of(403, "The token lacks the role this operation needs"));
    }

    @ServerExceptionMapper(priority = 10_000)
    public RestResponse<ApiError> unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return json(ApiError.of(500, "The service failed to handle this request; the cause is in its log"));
    }

    static RestResponse<ApiError> json(ApiError body) {
        if (body.status() >= 500) {
            LOG.errorf("Answering %d: %s", body.status(), body.message());
        }
        return RestResponse.ResponseBuilder.<ApiError>create(body.status()).entity(body)
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
