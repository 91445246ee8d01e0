package dev.ccr.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

/** Image blocks in a conversation: in message content and inside tool results. */
final class Images {
    static final String NOTE = "[an image was left out: this model does not read images]";

    private Images() {
    }

    static boolean anyIn(JsonNode messages) {
        for (JsonNode message : messages) {
            if (inContent(message.path("content"))) {
                return true;
            }
        }
        return false;
    }

    static boolean inLastUserTurn(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return inContent(message.path("content"));
            }
        }
        return false;
    }

    /** Every image block becomes a text block saying it was left out. */
    static void replaceWithNotes(ArrayNode messages) {
        for (JsonNode message : messages) {
            replaceIn(message.path("content"));
        }
    }

    private static boolean inContent(JsonNode content) {
        for (JsonNode block : content) {
            if ("image".equals(block.path("type").asText())
                    || "tool_result".equals(block.path("type").asText()) && inContent(block.path("content"))) {
                return true;
            }
        }
        return false;
    }

    private static void replaceIn(JsonNode content) {
        if (!(content instanceof ArrayNode blocks)) {
            return;
        }
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            if ("image".equals(block.path("type").asText())) {
                ObjectNode note = Json.MAPPER.createObjectNode().put("type", "text").put("text", NOTE);
                blocks.set(i, note);
            } else if ("tool_result".equals(block.path("type").asText())) {
                replaceIn(block.path("content"));
            }
        }
    }
}
