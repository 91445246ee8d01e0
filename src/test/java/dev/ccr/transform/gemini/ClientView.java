package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a client makes of an Anthropic event stream, folded as Anthropic's SDKs do and written apart from the
 * production reducer, so that tests check the events rather than the router's own folding. Fails on a stream that
 * breaks Anthropic's rules: message_start first, blocks opened in index order and closed before the next, deltas
 * only to the open block, message_delta and message_stop last.
 */
final class ClientView {
    private ClientView() {
    }

    static ObjectNode fold(List<JsonNode> events) {
        ObjectNode message = null;
        StringBuilder input = null;
        int open = -1;
        int next = 0;
        boolean stopped = false;
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            check(!stopped, "event after message_stop: " + e);
            check(message != null || type.equals("message_start"), "first event must be message_start: " + e);
            int index = e.path("index").asInt(-2);
            switch (type) {
                case "message_start" -> {
                    check(message == null, "second message_start");
                    message = e.get("message").deepCopy();
                }
                case "content_block_start" -> {
                    check(open < 0 && index == next, "block " + index + " started out of order");
                    open = next++;
                    ((ArrayNode) message.get("content")).add(e.get("content_block").deepCopy());
                    input = new StringBuilder();
                }
                case "content_block_delta" -> {
                    check(open >= 0 && index == open, "delta to a block that is not open: " + e);
                    ObjectNode block = (ObjectNode) message.get("content").get(open);
                    JsonNode delta = e.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> append(block, "text", delta.path("text").asText());
                        case "thinking_delta" -> append(block, "thinking", delta.path("thinking").asText());
                        case "signature_delta" -> append(block, "signature", delta.path("signature").asText());
                        case "input_json_delta" -> input.append(delta.path("partial_json").asText());
                        default -> throw new AssertionError("unknown delta " + delta);
                    }
                }
                case "content_block_stop" -> {
                    check(open >= 0 && index == open, "stop of a block that is not open: " + e);
                    ObjectNode block = (ObjectNode) message.get("content").get(open);
                    if ("tool_use".equals(block.path("type").asText())) {
                        block.set("input", parse(input.isEmpty() ? "{}" : input.toString()));
                    }
                    open = -1;
                }
                case "message_delta" -> {
                    check(open < 0, "message_delta while a block is open");
                    message.set("stop_reason", e.path("delta").path("stop_reason"));
                    ObjectNode usage = (ObjectNode) message.get("usage");
                    e.path("usage").fields().forEachRemaining(f -> usage.set(f.getKey(), f.getValue()));
                }
                case "message_stop" -> stopped = true;
                default -> throw new AssertionError("unexpected event " + e);
            }
        }
        check(stopped, "no message_stop");
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
