package org.resultsflow.catalog.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter: a calendar date, or a 400 that says what was expected. */
public record AsOf(LocalDate date) {

    /** Called by JAX-RS for the query parameter's text. */
    public static AsOf valueOf(String text) {
        try {
            return new AsOf(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException("asOf must be a date as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
