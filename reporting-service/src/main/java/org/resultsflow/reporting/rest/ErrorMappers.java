package org.resultsflow.reporting.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as JSON ({@link ErrorBody}), whatever representation the request asked for. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public RestResponse<ErrorBody> webApplication(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return json(status.getStatusCode(), status.getReasonPhrase(), e.getMessage());
    }

    @ServerExceptionMapper
    public RestResponse<ErrorBody> badArgument(IllegalArgumentException e) {
        return json(400, "Bad Request", e.getMessage());
    }

    static RestResponse<ErrorBody> json(int status, String reason, String message) {
        if (status >= 500) {
            LOG.errorf("Answering %d: %s", status, message);
        }
        return RestResponse.ResponseBuilder.<ErrorBody>create(status).entity(new ErrorBody(status, reason, message))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
