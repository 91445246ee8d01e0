package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects OpenAI tool calls, streamed in pieces or whole, until the answer says it is done, then hands them to the
 * sink as complete tool_use blocks in the order they began.
 * <p>
 * Why not stream each call's argument fragments straight through: the JSON can only be checked and repaired once it
 * is complete, fragments of parallel calls may interleave while an Anthropic stream has one open block at a time,
 * and Claude Code runs a tool only after its block ends anyway. The cost is that a long tool input (a file written
 * with Write) reaches the client in one piece at the end instead of piece by piece.
 * <p>
 * A delta's call is identified by its {@code index}; servers that omit it are matched by {@code id}, and a piece
 * with neither continues the latest call.
 */
final class ToolCallBuffer {
    private final Map<Integer, Call> calls = new LinkedHashMap<>();
    private boolean flushed;

    private static final class Call {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
        JsonNode objectArguments;
    }

    /** The {@code tool_calls} array of one delta (or of a whole message). */
    void accept(JsonNode toolCalls) {
        for (JsonNode delta : toolCalls) {
            if (flushed) {
                throw new RouterException(ErrorType.API, 502,
                        "The provider sent more of a tool call after it had finished the answer", null, null);
            }
            Call call = calls.computeIfAbsent(key(delta), k -> new Call());
            if (delta.hasNonNull("id") && call.id == null) {
                call.id = delta.get("id").asText();
            }
            JsonNode function = delta.path("function");
            // some servers repeat the name in every delta: take it once, never concatenate
            if (function.hasNonNull("name") && (call.name == null || call.name.isEmpty())) {
                call.name = function.get("name").asText();
            }
            JsonNode arguments = function.path("arguments");
            if (arguments.isTextual()) {
                call.arguments.append(arguments.asText());
            } else if (arguments.isObject()) {
                call.objectArguments = arguments;
            }
        }
    }

    boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Sends every call to the sink as tool_use with its repaired input; later deltas are an error. Idempotent. */
    void flushTo(AnthropicSink sink) {
        if (flushed) {
            return;
        }
        flushed = true;
        List<Call> ordered = new ArrayList<>(calls.values());
        for (Call call : ordered) {
            if (call.name == null || call.name.isBlank()) {
                throw new RouterException(ErrorType.API, 502, "The provider sent a tool call without a function name",
                        null, null);
            }
            JsonNode input = call.objectArguments != null
                    ? ToolArguments.parse(call.name, call.objectArguments)
                    : ToolArguments.parse(call.name, call.arguments.toString());
            sink.toolUseStart(call.id, call.name);
            sink.toolInputDelta(Json.string(input));
        }
    }

    private int key(JsonNode delta) {
        if (delta.has("index") && delta.get("index").canConvertToInt()) {
            return delta.get("index").asInt();
        }
        String id = delta.path("id").asText("");
        Integer last = null;
        for (Map.Entry<Integer, Call> entry : calls.entrySet()) {
            if (!id.isEmpty() && id.equals(entry.getValue().id)) {
                return entry.getKey();
            }
            last = last == null ? entry.getKey() : Math.max(last, entry.getKey());
        }
        if (last == null) {
            return 0;
        }
        // a new id starts a new call; a piece without index or id continues the latest call
        return id.isEmpty() ? lastStarted() : last + 1;
    }

    private int lastStarted() {
        int key = 0;
        for (Integer k : calls.keySet()) {
            key = k;
        }
        return key;
    }
}
