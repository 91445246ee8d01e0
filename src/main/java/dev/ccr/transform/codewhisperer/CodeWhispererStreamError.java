package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.UpstreamExcerpt;
import dev.ccr.error.RouterException;

import java.io.IOException;
import java.util.Locale;

/**
 * Turns an {@code error} or {@code exception} frame into the Anthropic error a client's retry logic understands.
 * The provider's message is passed on redacted and shortened: it may quote the request, never a credential of ours.
 */
final class CodeWhispererStreamError {
    private CodeWhispererStreamError() {
    }

    static RouterException from(EventStreamMessage message) {
        String code = firstNonBlank(message.header(":exception-type"), message.header(":error-code"), "UnknownError");
        String text = firstNonBlank(field(message, "message"), field(message, "Message"), message.header(":error-message"),
                "no details");
        ErrorType type = typeOf(code);
        return new RouterException(type, type.status(),
                "The CodeWhisperer provider failed mid-answer: " + code + ": " + UpstreamExcerpt.of(text), null, null);
    }

    static ErrorType typeOf(String code) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.contains("throttl") || c.contains("toomanyrequests") || c.contains("quota")) {
            return ErrorType.RATE_LIMIT;
        }
        if (c.contains("validation") || c.contains("contentlength") || c.contains("badrequest")) {
            return ErrorType.INVALID_REQUEST;
        }
        if (c.contains("accessdenied") || c.contains("forbidden")) {
            return ErrorType.PERMISSION;
        }
        if (c.contains("expiredtoken") || c.contains("unauthorized") || c.contains("unrecognizedclient")) {
            return ErrorType.AUTHENTICATION;
        }
        if (c.contains("serviceunavailable") || c.contains("overload")) {
            return ErrorType.OVERLOADED;
        }
        return ErrorType.API;
    }

    private static String field(EventStreamMessage message, String name) {
        try {
            JsonNode value = Json.parse(message.payload()).path(name);
            return value.isTextual() ? value.asText() : null;
        } catch (IOException | RuntimeException e) {
            String text = message.payloadText().strip();
            return text.isEmpty() ? null : text;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
