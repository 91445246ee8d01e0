package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's view of an Anthropic event stream, folded the way Anthropic's SDKs accumulate it: kept apart from the
 * production reducer so the tests check the events, not the router's own folding. Also checks the stream's rules:
 * one message_start first, blocks started in index order and stopped before the next starts, deltas only to the
 * open block, message_delta then message_stop last.
 */
public final class AnthropicEventFold {
    private AnthropicEventFold() {
    }

    public static ObjectNode fold(List<JsonNode> events) {
        ObjectNode message = null;
        Map<Integer, StringBuilder> json = new HashMap<>();
        Integer open = null;
        int next = 0;
        boolean ended = false;
        for (JsonNode e : events) {
            check(!ended, "event after message_stop: " + e);
            String type = e.path("type").asText();
            check(message != null || type.equals("message_start"), "first event must be message_start: " + e);
            switch (type) {
                case "message_start" -> {
                    check(message == null, "second message_start");
                    message = e.get("message").deepCopy();
                }
                case "content_block_start" -> {
                    check(open == null, "block started while another is open");
                    check(e.path("index").asInt() == next, "block index " + e.path("index") + ", expected " + next);
                    open = next++;
                    ((ArrayNode) message.get("content")).add(e.get("content_block").deepCopy());
                }
                case "content_block_delta" -> {
                    check(open != null && e.path("index").asInt() == open, "delta to a block that is not open: " + e);
                    ObjectNode block = (ObjectNode) message.get("content").get(open);
                    JsonNode delta = e.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> append(block, "text", delta.path("text").asText());
                        case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
                        case "signature_delta" -> append(block, "signature", delta.path("signature").asText());
                        case "input_json_delta" -> json.computeIfAbsent(open, i -> new StringBuilder())
                                .append(delta.path("partial_json").asText());
                        default -> throw new AssertionError("unknown delta " + delta);
                    }
                }
                case "content_block_stop" -> {
                    check(open != null && e.path("index").asInt() == open, "stop of a block that is not open: " + e);
                    StringBuilder input = json.remove(open);
                    if (input != null) {
                        ((ObjectNode) message.get("content").get(open)).set("input", parse(input.toString()));
                    }
                    open = null;
                }
                case "message_delta" -> {
                    check(open == null, "message_delta while a block is open");
                    message.set("stop_reason", e.path("delta").path("stop_reason"));
                    ObjectNode usage = (ObjectNode) message.get("usage");
                    e.path("usage").fields().forEachRemaining(f -> usage.set(f.getKey(), f.getValue()));
                }
                case "message_stop" -> ended = true;
                default -> throw new AssertionError("unexpected event " + e);
            }
        }
        check(ended, "no message_stop");
        return message;
    }

    private static void append(ObjectNode block, String field, String text) {
        block.put(field, block.path(field).asText("") + text);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException("tool input is not JSON: " + text, e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
