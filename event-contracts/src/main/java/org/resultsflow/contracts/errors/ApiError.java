package org.resultsflow.contracts.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * The body of every error answer of every resultsflow service, so a client reads one shape everywhere:
 * the HTTP status, its reason phrase, a message meant for people and, for invalid parameters, one entry per
 * violated constraint. Never a stack trace: causes go to the service's log.
 *
 * @param violations null (and left out of the JSON) unless the request broke parameter constraints
 * @param candidates null (and left out of the JSON) unless a lookup matched several records: their ids, so the
 *     client can pick one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, List<Violation> violations, List<String> candidates) {

    /** One parameter that broke a constraint: its name as the client sent it, and why. */
    public record Violation(String field, String message) {

        /** From a validator's property path: {@code list.size} → {@code size}, the name the client sent. */
        public static Violation ofPath(String propertyPath, String message) {
            return new Violation(propertyPath.substring(propertyPath.lastIndexOf('.') + 1), message);
        }
    }

    public ApiError {
        violations = violations == null ? null : List.copyOf(violations);
        candidates = candidates == null ? null : List.copyOf(candidates);
    }

    public ApiError(int status, String error, String message, List<Violation> violations) {
        this(status, error, message, violations, null);
    }

    /** The answer to a lookup that matched several records (409), with their ids. */
    public static ApiError ambiguous(String message, List<String> candidates) {
        return new ApiError(409, reason(409), message, null, candidates);
    }

    public static ApiError of(int status, String message) {
        return new ApiError(status, reason(status), message, null);
    }

    /** The answer to invalid parameters, one violation per parameter in the order of their names. */
    public static ApiError invalid(List<Violation> violations) {
        return new ApiError(400, reason(400), "The request's parameters are invalid",
                violations.stream().sorted(Comparator.comparing(Violation::field)).toList());
    }

    /** The reason phrase of RFC 9110 for the statuses the services answer. */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Error";
        };
    }
}
