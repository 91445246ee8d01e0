package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic {@code messages} as Gemini {@code contents}. Roles become {@code user} and {@code model}; Gemini wants
 * them to alternate, so consecutive turns of one role are merged into one content, and a message that leaves no
 * parts (only thinking without a Gemini signature, empty text) is left out.
 *
 * <p>Claude Code puts {@code role: "system"} messages inside {@code messages} (its environment description after the
 * first prompt, a "Truncated: PARTIAL view" notice after a tool result). They become user text where they stand,
 * rather than joining the system instruction: their place in the conversation is part of their meaning, and a
 * notice about a tool result has to follow that result.
 */
final class ContentsMapper {
    private final String signatureFallback;

    ContentsMapper(String signatureFallback) {
        this.signatureFallback = signatureFallback;
    }

    ArrayNode map(JsonNode messages) {
        PartMapper partMapper = new PartMapper(ToolCallNames.of(messages));
        ModelTurn modelTurn = new ModelTurn(partMapper, signatureFallback);
        ArrayNode contents = Json.MAPPER.createArrayNode();
        ObjectNode last = null;
        for (JsonNode message : messages) {
            boolean model = "assistant".equals(message.path("role").asText());
            List<ObjectNode> parts = model ? modelTurn.parts(message.path("content"))
                    : userParts(message.path("content"), partMapper);
            if (parts.isEmpty()) {
                continue;
            }
            String role = model ? "model" : "user";
            if (last == null || !role.equals(last.path("role").asText())) {
                last = contents.addObject();
                last.put("role", role);
                last.putArray("parts");
            }
            ((ArrayNode) last.get("parts")).addAll(parts);
        }
        return contents;
    }

    private static List<ObjectNode> userParts(JsonNode content, PartMapper partMapper) {
        if (content.isTextual()) {
            return PartMapper.textPart(content.asText()).map(List::of).orElse(List.of());
        }
        List<ObjectNode> parts = new ArrayList<>();
        content.forEach(block -> parts.addAll(partMapper.parts(block)));
        return parts;
    }
}
