package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

/**
 * The function name behind each tool_use id in a conversation. Anthropic's tool_result names only the call's id,
 * while Gemini's functionResponse must carry the function's name, so it is looked up in the history.
 */
final class ToolCallNames {
    private final Map<String, String> byId;

    private ToolCallNames(Map<String, String> byId) {
        this.byId = byId;
    }

    static ToolCallNames of(JsonNode messages) {
        Map<String, String> byId = new HashMap<>();
        for (JsonNode message : messages) {
            for (JsonNode block : message.path("content")) {
                if ("tool_use".equals(block.path("type").asText()) && block.hasNonNull("id")) {
                    byId.put(block.get("id").asText(), block.path("name").asText());
                }
            }
        }
        return new ToolCallNames(byId);
    }

    /** The name of the call with this id, or null when the history has no such call. */
    String nameOf(String toolUseId) {
        return toolUseId == null ? null : byId.get(toolUseId);
    }
}
