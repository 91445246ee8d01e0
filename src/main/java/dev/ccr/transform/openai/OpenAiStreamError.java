package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.error.UpstreamExcerpt;

import java.util.Locale;

/**
 * An {@code {"error": …}} object a provider sends inside a 2xx answer (mid-stream, or as the whole body) as the
 * client-visible failure. Its type follows the provider's code where one is given, so that the client retries a
 * rate limit or overload as it would with Anthropic.
 */
final class OpenAiStreamError {
    private OpenAiStreamError() {
    }

    static RouterException of(JsonNode error) {
        ErrorType type = type(error);
        String message = error.isTextual() ? error.asText() : error.path("message").asText("unknown error");
        return new RouterException(type, type.status(), "The provider reported an error: "
                + UpstreamExcerpt.of(message), null, null);
    }

    private static ErrorType type(JsonNode error) {
        JsonNode code = error.path("code");
        int status = code.isNumber() ? code.asInt()
                : code.asText("").matches("\\d{3}") ? Integer.parseInt(code.asText()) : 0;
        if (status >= 400) {
            return ErrorType.forStatus(status);
        }
        String words = (code.asText("") + " " + error.path("type").asText("")).toLowerCase(Locale.ROOT);
        if (words.contains("rate_limit") || words.contains("quota")) {
            return ErrorType.RATE_LIMIT;
        }
        if (words.contains("overloaded") || words.contains("capacity")) {
            return ErrorType.OVERLOADED;
        }
        if (words.contains("context_length") || words.contains("invalid_request")) {
            return ErrorType.INVALID_REQUEST;
        }
        return ErrorType.API;
    }
}
