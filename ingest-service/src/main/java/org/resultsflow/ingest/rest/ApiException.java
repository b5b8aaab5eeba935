package org.resultsflow.ingest.rest;

import jakarta.ws.rs.core.Response;

/** A request the service refuses, with the status and the sentence the caller sees. */
public class ApiException extends RuntimeException {

    private final Response.Status status;

    public ApiException(Response.Status status, String message) {
        super(message);
        this.status = status;
    }

    public Response.Status status() {
        return status;
    }
}
