package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.stream.SseParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The Anthropic SSE events a client gets, as JSON, and views of them for assertions. */
public final class AnthropicEvents {
    private AnthropicEvents() {
    }

    /** The events' data as JSON, in order; checks each event's name matches its type. */
    public static List<JsonNode> parse(byte[] sse) {
        SseParser parser = new SseParser();
        List<SseParser.Event> raw = new ArrayList<>(parser.feed(sse));
        raw.addAll(parser.finish());
        List<JsonNode> events = new ArrayList<>();
        for (SseParser.Event event : raw) {
            JsonNode data = json(event.data());
            if (!data.path("type").asText().equals(event.name())) {
                throw new AssertionError("event name " + event.name() + " but type " + data.path("type"));
            }
            events.add(data);
        }
        return events;
    }

    /** Each event as "type index block-or-delta-type", the order Claude Code checks. */
    public static List<String> shape(List<JsonNode> events) {
        List<String> shape = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            shape.add(switch (type) {
                case "content_block_start" -> type + " " + e.path("index").asInt() + " "
                        + e.path("content_block").path("type").asText();
                case "content_block_delta" -> type + " " + e.path("index").asInt() + " "
                        + e.path("delta").path("type").asText();
                case "content_block_stop" -> type + " " + e.path("index").asInt();
                default -> type;
            });
        }
        return shape;
    }

    /** The events without message_start's message id, which is random per response. */
    public static List<JsonNode> withoutIds(List<JsonNode> events) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode copy = e.deepCopy();
            if (copy.path("message").isObject()) {
                ((ObjectNode) copy.get("message")).remove("id");
            }
            out.add(copy);
        }
        return out;
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
