package dev.ccr.transform.openai;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns the {@code arguments} string of an OpenAI tool call into the JSON object Anthropic's {@code tool_use.input}
 * must be. Models served through OpenAI-compatible APIs often break the JSON in a few typical ways: a markdown
 * fence around it, trailing commas, single quotes, raw newlines in strings, closing braces left out, the object
 * double-encoded or sent twice. Those are repaired; anything still not a JSON object (including a value cut off in
 * the middle of a string) is a client-visible error, because an empty or truncated input would make Claude Code run
 * the tool with arguments the model never meant.
 */
final class ToolArguments {
    private static final Logger LOG = LoggerFactory.getLogger(ToolArguments.class);
    private static final ObjectReader LENIENT = Json.MAPPER.reader()
            .with(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .with(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .with(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .with(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS);

    private ToolArguments() {
    }

    /** The tool call's input; throws {@link RouterException} when the arguments cannot be made a JSON object. */
    static ObjectNode parse(String toolName, JsonNode arguments) {
        if (arguments == null || arguments.isMissingNode() || arguments.isNull()) {
            return Json.MAPPER.createObjectNode();
        }
        if (arguments instanceof ObjectNode object) {
            // a few servers send the arguments as an object instead of a string
            return object.deepCopy();
        }
        return parse(toolName, arguments.asText());
    }

    static ObjectNode parse(String toolName, String arguments) {
        String text = unfence(arguments == null ? "" : arguments.strip());
        if (text.isEmpty()) {
            // a tool without parameters: "" is how several servers say {}
            return Json.MAPPER.createObjectNode();
        }
        ObjectNode strict = asObject(text, Json.MAPPER.reader());
        if (strict != null) {
            return strict;
        }
        ObjectNode repaired = asObject(close(text), LENIENT);
        if (repaired != null) {
            LOG.info("Repaired malformed arguments of tool call '{}' ({} chars)", toolName, text.length());
            return repaired;
        }
        throw new RouterException(ErrorType.API, 502, "The provider sent arguments for tool '" + toolName
                + "' that are not a JSON object and could not be repaired (" + text.length() + " chars, starting "
                + Json.string(text.substring(0, Math.min(80, text.length()))) + ")", null, null);
    }

    private static ObjectNode asObject(String text, ObjectReader reader) {
        try {
            JsonNode node = reader.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
            if (node != null && node.isTextual() && node.asText().strip().startsWith("{")) {
                // double-encoded: the arguments string holds a JSON string holding the object
                return asObject(node.asText(), reader);
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String unfence(String text) {
        if (!text.startsWith("```")) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        String body = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1);
        int fenceEnd = body.lastIndexOf("```");
        return (fenceEnd < 0 ? body : body.substring(0, fenceEnd)).strip();
    }

    /**
     * Adds the closing brackets a model left out ({@code {"command": "ls"} } without its last brace), after dropping
     * a trailing comma. Text that ends inside a string is left alone: its value was cut off, and a repaired
     * {@code "rm -rf /tmp/build/cache"} cut to {@code "rm -rf /tmp/build"} must not run.
     */
    static String close(String text) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        char quote = '"';
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == quote) {
                    inString = false;
                }
            } else if (c == '"' || c == '\'') {
                inString = true;
                quote = c;
            } else if (c == '{') {
                open.push('}');
            } else if (c == '[') {
                open.push(']');
            } else if ((c == '}' || c == ']') && !open.isEmpty() && open.peek() == c) {
                open.pop();
            }
        }
        if (inString || open.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.stripTrailing());
        if (out.charAt(out.length() - 1) == ',') {
            out.setLength(out.length() - 1);
        }
        open.forEach(out::append);
        return out.toString();
    }
}
