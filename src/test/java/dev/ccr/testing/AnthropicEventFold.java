package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The client's view of an Anthropic event stream, folded the way Anthropic's SDKs accumulate it. Written apart from
 * the production reducer ({@code dev.ccr.transform.AnthropicStreamReducer}) and not to use it, so that tests check the
 * events rather than the router's own folding.
 *
 * <p>Fails (AssertionError) on a stream that breaks Anthropic's rules: one message_start first; every block event
 * with an integer index; blocks started in index order from 0, each stopped before the next starts; deltas only to
 * the open block and of its kind (text to text, thinking and signature to thinking, input JSON to tool_use); a tool
 * call's input a JSON object; no message_delta while a block is open; message_stop last.
 */
public final class AnthropicEventFold {
    private static final Set<String> TOOL_BLOCKS = Set.of("tool_use", "server_tool_use");

    private AnthropicEventFold() {
    }

    public static ObjectNode fold(List<JsonNode> events) {
        ObjectNode message = null;
        StringBuilder input = null;
        Integer open = null;
        int next = 0;
        boolean stopped = false;
        for (JsonNode e : events) {
            check(!stopped, "event after message_stop: " + e);
            String type = e.path("type").asText();
            check(message != null || type.equals("message_start"), "first event must be message_start: " + e);
            switch (type) {
                case "message_start" -> {
                    check(message == null, "second message_start");
                    message = e.get("message").deepCopy();
                }
                case "content_block_start" -> {
                    check(open == null, "block started while another is open: " + e);
                    check(index(e) == next, "block index " + e.path("index") + ", expected " + next);
                    open = next++;
                    ((ArrayNode) message.get("content")).add(e.get("content_block").deepCopy());
                    input = new StringBuilder();
                }
                case "content_block_delta" -> {
                    check(open != null && index(e) == open, "delta to a block that is not open: " + e);
                    ObjectNode block = (ObjectNode) message.get("content").get(open);
                    String kind = block.path("type").asText();
                    JsonNode delta = e.path("delta");
                    switch (delta.path("type").asText()) {
                        case "text_delta" -> {
                            check(kind.equals("text"), "text_delta to a " + kind + " block: " + e);
                            append(block, "text", delta.path("text").asText());
                        }
                        case "thinking_delta" -> {
                            check(kind.equals("thinking"), "thinking_delta to a " + kind + " block: " + e);
                            append(block, "thinking", delta.path("thinking").asText());
                        }
                        case "signature_delta" -> {
                            check(kind.equals("thinking"), "signature_delta to a " + kind + " block: " + e);
                            append(block, "signature", delta.path("signature").asText());
                        }
                        case "input_json_delta" -> {
                            check(TOOL_BLOCKS.contains(kind), "input_json_delta to a " + kind + " block: " + e);
                            input.append(delta.path("partial_json").asText());
                        }
                        default -> throw new AssertionError("unknown delta " + delta);
                    }
                }
                case "content_block_stop" -> {
                    check(open != null && index(e) == open, "stop of a block that is not open: " + e);
                    ObjectNode block = (ObjectNode) message.get("content").get(open);
                    if (TOOL_BLOCKS.contains(block.path("type").asText())) {
                        // as the SDKs do: the streamed JSON if any, else the input the block started with
                        if (!input.isEmpty()) {
                            block.set("input", parse(input.toString()));
                        }
                        check(block.path("input").isObject(), "tool input is not a JSON object: " + block);
                    }
                    open = null;
                }
                case "message_delta" -> {
                    check(open == null, "message_delta while a block is open");
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

    /** The event's index; -1 (never a block's) when it has none or it is not an integer. */
    private static int index(JsonNode event) {
        JsonNode index = event.path("index");
        return index.isInt() ? index.asInt() : -1;
    }

    private static void append(ObjectNode block, String field, String text) {
        block.put(field, block.path(field).asText("") + text);
    }

    private static JsonNode parse(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new AssertionError("tool input is not JSON: " + text, e);
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
