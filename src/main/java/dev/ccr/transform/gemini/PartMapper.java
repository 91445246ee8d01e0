package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Anthropic content block as Gemini parts: text, images and documents (inline base64 or a URL), tool calls and
 * tool results. Thinking blocks are not parts of their own; {@link ModelTurn} places their signatures. Blocks
 * Gemini has no use for (redacted_thinking, server_tool_use, web_search_tool_result, unknown types) give no parts.
 */
final class PartMapper {
    private final ToolCallNames toolNames;

    PartMapper(ToolCallNames toolNames) {
        this.toolNames = toolNames;
    }

    List<ObjectNode> parts(JsonNode block) {
        return switch (block.path("type").asText()) {
            case "text" -> textPart(block.path("text").asText()).map(List::of).orElse(List.of());
            case "image", "document" -> media(block);
            case "tool_use" -> List.of(functionCall(block));
            case "tool_result" -> toolResult(block);
            default -> List.of();
        };
    }

    /** A text part; Gemini rejects empty ones, so an empty text gives none. */
    static Optional<ObjectNode> textPart(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode part = Json.MAPPER.createObjectNode();
        part.put("text", text);
        return Optional.of(part);
    }

    private List<ObjectNode> media(JsonNode block) {
        JsonNode source = block.path("source");
        ObjectNode part = Json.MAPPER.createObjectNode();
        switch (source.path("type").asText()) {
            case "base64" -> {
                ObjectNode inline = part.putObject("inlineData");
                inline.put("mimeType", source.path("media_type").asText());
                inline.put("data", source.path("data").asText());
            }
            case "url" -> {
                // Gemini fetches what fileData names; a URL it cannot reach is its answer, not ours to guess
                ObjectNode file = part.putObject("fileData");
                if (source.hasNonNull("media_type")) {
                    file.put("mimeType", source.get("media_type").asText());
                }
                file.put("fileUri", source.path("url").asText());
            }
            case "text" -> {
                return textPart(source.path("data").asText()).map(List::of).orElse(List.of());
            }
            case "content" -> {
                List<ObjectNode> parts = new ArrayList<>();
                source.path("content").forEach(inner -> parts.addAll(parts(inner)));
                return parts;
            }
            default -> {
                return List.of();
            }
        }
        return List.of(part);
    }

    private static ObjectNode functionCall(JsonNode toolUse) {
        ObjectNode part = Json.MAPPER.createObjectNode();
        ObjectNode call = part.putObject("functionCall");
        if (toolUse.hasNonNull("id")) {
            call.put("id", toolUse.get("id").asText());
        }
        call.put("name", toolUse.path("name").asText());
        JsonNode input = toolUse.path("input");
        call.set("args", input.isObject() ? input.deepCopy() : Json.MAPPER.createObjectNode());
        return part;
    }

    /**
     * A functionResponse answering the call with the same id; the result's text goes in {@code response.result},
     * or {@code response.error} when the tool failed (the keys Google's documentation uses). Images a result
     * carries follow as parts of their own. A result whose call is not in the history cannot be a
     * functionResponse (Gemini needs the function's name), so it becomes plain text.
     */
    private List<ObjectNode> toolResult(JsonNode block) {
        String id = block.path("tool_use_id").asText(null);
        StringBuilder text = new StringBuilder();
        List<ObjectNode> media = new ArrayList<>();
        JsonNode content = block.path("content");
        if (content.isTextual()) {
            text.append(content.asText());
        }
        for (JsonNode item : content.isArray() ? content : Json.MAPPER.createArrayNode()) {
            switch (item.path("type").asText()) {
                case "text" -> appendLine(text, item.path("text").asText());
                case "tool_reference" -> appendLine(text, "Tool loaded: " + item.path("tool_name").asText());
                case "image", "document" -> media.addAll(media(item));
                default -> appendLine(text, Json.string(item));
            }
        }
        boolean error = block.path("is_error").asBoolean(false);
        List<ObjectNode> parts = new ArrayList<>();
        String name = toolNames == null ? null : toolNames.nameOf(id);
        if (name == null) {
            textPart((error ? "Tool call " + id + " failed: " : "Result of tool call " + id + ": ") + text)
                    .ifPresent(parts::add);
        } else {
            ObjectNode part = Json.MAPPER.createObjectNode();
            ObjectNode response = part.putObject("functionResponse");
            response.put("id", id);
            response.put("name", name);
            response.putObject("response").put(error ? "error" : "result", text.toString());
            parts.add(part);
        }
        parts.addAll(media);
        return parts;
    }

    private static void appendLine(StringBuilder text, String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
    }
}
