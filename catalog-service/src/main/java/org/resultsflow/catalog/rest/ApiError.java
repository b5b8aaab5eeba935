package org.resultsflow.catalog.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of every error answer: never a stack trace. */
@Schema(name = "Error")
public record ApiError(int status, String error, String message) {
}
