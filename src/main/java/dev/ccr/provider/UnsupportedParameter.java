package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which request field a 400 refused, in the shapes OpenAI-compatible providers use:
 * OpenAI's {@code {"error":{"param":"reasoning_effort","code":"unsupported_parameter"}}} (or
 * {@code unsupported_value}), and messages such as "Unsupported parameter: 'X' is not supported with this model",
 * "Unsupported value: 'X' does not support …" or Groq's "property 'X' is unsupported". Only the top-level field is
 * named ({@code stream_options.include_usage} → {@code stream_options}): that is what can be left out. Also an output
 * limit: "max_tokens is too large: 32000. This model supports at most 16384 completion tokens" names the field and
 * the most it takes.
 */
final class UnsupportedParameter {
    private static final Set<String> CODES = Set.of("unsupported_parameter", "unsupported_value");
    private static final Pattern IN_MESSAGE = Pattern.compile(
            "(?:Unsupported (?:parameter|value): '([^']+)'|property '([^']+)' is unsupported)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern AT_MOST = Pattern.compile("supports at most (\\d{1,9}) completion tokens");

    private UnsupportedParameter() {
    }

    /** The refused top-level field, or null when the error is about something else. */
    static ParameterRefusal named(JsonNode errorBody) {
        JsonNode error = errorBody.path("error");
        String param = error.path("param").asText("");
        String message = error.path("message").asText("");
        Matcher limit = AT_MOST.matcher(message);
        if (!param.isEmpty() && limit.find()) {
            return refusal(topLevel(param), Long.parseLong(limit.group(1)));
        }
        if (CODES.contains(error.path("code").asText("")) && !param.isEmpty()) {
            return refusal(topLevel(param), null);
        }
        Matcher matcher = IN_MESSAGE.matcher(message);
        if (matcher.find()) {
            return refusal(topLevel(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)), null);
        }
        return null;
    }

    private static ParameterRefusal refusal(String field, Long maximum) {
        return field == null ? null : new ParameterRefusal(field, maximum);
    }

    private static String topLevel(String param) {
        Matcher matcher = FIELD.matcher(param);
        return matcher.lookingAt() ? matcher.group() : null;
    }
}
