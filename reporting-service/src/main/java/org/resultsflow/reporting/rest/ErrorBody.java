package org.resultsflow.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What every error answer of this service carries. */
@Schema(name = "Error")
public record ErrorBody(int status, String error, String message) {
}
