package dev.ccr.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.stream.SseParser;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds Anthropic stream events into the one message a non-streaming client gets: content blocks with their text,
 * thinking, signature and parsed tool input, stop reason and usage.
 */
public final class AnthropicStreamReducer {
    private ObjectNode message;
    private final Map<Integer, StringBuilder> toolInputs = new HashMap<>();

    public void accept(SseParser.Event event) {
        JsonNode data;
        try {
            data = Json.parse(event.data());
        } catch (IOException e) {
            return;
        }
        switch (data.path("type").asText()) {
            case "message_start" -> message = ((ObjectNode) data.get("message")).deepCopy();
            case "content_block_start" -> blockAt(data.path("index").asInt()).setAll((ObjectNode) data.get("content_block").deepCopy());
            case "content_block_delta" -> applyDelta(data.path("index").asInt(), data.path("delta"));
            case "content_block_stop" -> finishTool(data.path("index").asInt());
            case "message_delta" -> {
                ObjectNode msg = message();
                msg.set("stop_reason", data.path("delta").path("stop_reason"));
                msg.set("stop_sequence", data.path("delta").path("stop_sequence"));
                data.path("usage").fields().forEachRemaining(f -> usage().set(f.getKey(), f.getValue()));
            }
            case "error" -> throw new RouterException(ErrorType.API, 502,
                    "The provider's stream failed: " + data.path("error").path("message").asText("unknown error"),
                    null, null);
            default -> {
                // ping, message_stop
            }
        }
    }

    public ObjectNode message() {
        if (message == null) {
            message = Json.MAPPER.createObjectNode();
            message.put("type", "message");
            message.put("role", "assistant");
            message.putArray("content");
        }
        return message;
    }

    private ArrayNode content() {
        return (ArrayNode) message().withArray("content");
    }

    private ObjectNode usage() {
        return message().withObject("usage");
    }

    /** The block at an index, growing the content array as needed (events name indices before they exist). */
    private ObjectNode blockAt(int index) {
        ArrayNode content = content();
        while (content.size() <= index) {
            content.addObject();
        }
        return (ObjectNode) content.get(index);
    }

    private void applyDelta(int index, JsonNode delta) {
        ObjectNode block = blockAt(index);
        switch (delta.path("type").asText()) {
            case "text_delta" -> append(block, "text", delta.path("text").asText());
            case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
            case "signature_delta" -> append(block, "signature", delta.path("signature").asText());
            case "input_json_delta" -> toolInputs.computeIfAbsent(index, i -> new StringBuilder())
                    .append(delta.path("partial_json").asText());
            default -> {
            }
        }
    }

    private void finishTool(int index) {
        StringBuilder json = toolInputs.remove(index);
        if (json == null) {
            return;
        }
        ObjectNode block = (ObjectNode) content().get(index);
        try {
            block.set("input", json.isEmpty() ? Json.MAPPER.createObjectNode() : Json.parse(json.toString()));
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502, "The provider sent malformed input for tool '"
                    + block.path("name").asText() + "'", null, null);
        }
    }

    private static void append(ObjectNode block, String field, String text) {
        block.put(field, block.path(field).asText("") + text);
    }
}
