package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which request field a 400 refused as unsupported, in the shapes OpenAI-compatible providers use:
 * OpenAI's {@code {"error":{"param":"reasoning_effort","code":"unsupported_parameter"}}} (or
 * {@code unsupported_value}), and messages such as "Unsupported parameter: 'X' is not supported with this model",
 * "Unsupported value: 'X' does not support …" or Groq's "property 'X' is unsupported". Only the top-level field is
 * named ({@code stream_options.include_usage} → {@code stream_options}): that is what can be left out.
 */
final class UnsupportedParameter {
    private static final Set<String> CODES = Set.of("unsupported_parameter", "unsupported_value");
    private static final Pattern IN_MESSAGE = Pattern.compile(
            "(?:Unsupported (?:parameter|value): '([^']+)'|property '([^']+)' is unsupported)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private UnsupportedParameter() {
    }

    /** The refused top-level field, or null when the error is about something else. */
    static String named(JsonNode errorBody) {
        JsonNode error = errorBody.path("error");
        String param = error.path("param").asText("");
        if (CODES.contains(error.path("code").asText("")) && !param.isEmpty()) {
            return topLevel(param);
        }
        Matcher matcher = IN_MESSAGE.matcher(error.path("message").asText(""));
        if (matcher.find()) {
            return topLevel(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return null;
    }

    private static String topLevel(String param) {
        Matcher matcher = FIELD.matcher(param);
        return matcher.lookingAt() ? matcher.group() : null;
    }
}
