package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.error.UpstreamExcerpt;

/**
 * An {@code {"error": {code, message, status}}} object Google sends inside a 2xx answer (mid-stream, or as the
 * whole body) as the client-visible failure. The HTTP code decides the type, else Google's status name, so that
 * the client retries a quota or overload error as it would with Anthropic.
 */
final class GeminiError {
    private GeminiError() {
    }

    static RouterException of(JsonNode error) {
        ErrorType type = type(error);
        String message = UpstreamExcerpt.of(error.path("message").asText(error.isTextual() ? error.asText()
                : "unknown error"));
        return new RouterException(type, type.status(), "The provider reported an error: " + message, null, null);
    }

    private static ErrorType type(JsonNode error) {
        int code = error.path("code").asInt(0);
        if (code >= 400) {
            return ErrorType.forStatus(code);
        }
        return switch (error.path("status").asText("")) {
            case "INVALID_ARGUMENT", "FAILED_PRECONDITION", "OUT_OF_RANGE" -> ErrorType.INVALID_REQUEST;
            case "UNAUTHENTICATED" -> ErrorType.AUTHENTICATION;
            case "PERMISSION_DENIED" -> ErrorType.PERMISSION;
            case "NOT_FOUND" -> ErrorType.NOT_FOUND;
            case "RESOURCE_EXHAUSTED" -> ErrorType.RATE_LIMIT;
            case "UNAVAILABLE" -> ErrorType.OVERLOADED;
            case "DEADLINE_EXCEEDED" -> ErrorType.TIMEOUT;
            default -> ErrorType.API;
        };
    }
}
