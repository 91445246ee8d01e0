package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reshapes an Anthropic conversation into the turns CodeWhisperer accepts (it answers 400 "Improperly formed request"
 * otherwise): strictly alternating user/assistant turns, starting and ending with a user turn, no empty turn, the
 * system prompt in front of the first user text, role "system" messages folded into user text, tool results only
 * right after the assistant turn that called them.
 */
final class ConversationTurns {
    static final String CONTINUE = "Continue";
    /** Claude Code's per-request billing line: meaningless upstream, and it differs on every request. */
    private static final String BILLING_HEADER = "x-anthropic-billing-header:";

    private ConversationTurns() {
    }

    static List<Turn> of(MessagesRequest request) {
        List<Turn> turns = new ArrayList<>();
        for (JsonNode message : request.messages()) {
            Turn turn = toTurn(message);
            if (!turn.isEmpty()) {
                append(turns, turn);
            }
        }
        if (turns.isEmpty() || !turns.get(0).isUser()) {
            turns.add(0, Turn.user(CONTINUE));
        }
        String system = systemText(request.system());
        if (!system.isEmpty()) {
            turns.get(0).texts.add(0, system);
        }
        if (!turns.get(turns.size() - 1).isUser()) {
            turns.add(Turn.user(CONTINUE)); // the conversation ended with the assistant: ask it to go on
        }
        orphanedResultsToText(turns);
        return turns;
    }

    private static void append(List<Turn> turns, Turn turn) {
        Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
        if (last != null && last.role.equals(turn.role)) {
            last.absorb(turn);
        } else {
            turns.add(turn);
        }
    }

    private static Turn toTurn(JsonNode message) {
        String role = message.path("role").asText();
        // Claude Code puts role "system" messages (environment, "Truncated" notes) among the messages: user text here.
        Turn turn = new Turn(Turn.ASSISTANT.equals(role) ? Turn.ASSISTANT : Turn.USER);
        JsonNode content = message.path("content");
        if (content.isTextual()) {
            turn.addText(content.asText());
            return turn;
        }
        for (JsonNode block : content) {
            switch (block.path("type").asText()) {
                case "text" -> turn.addText(block.path("text").asText());
                case "image" -> turn.images.add(image(block));
                case "tool_use" -> turn.toolUses.add(toolUse(block));
                case "tool_result" -> toolResult(turn, block);
                default -> {
                    // thinking and redacted_thinking: Kiro's history has no place for them, and the model does not
                    // need its earlier reasoning to go on. Server tool blocks have no equivalent either.
                }
            }
        }
        return turn;
    }

    private static ObjectNode toolUse(JsonNode block) {
        ObjectNode use = Json.MAPPER.createObjectNode();
        use.put("toolUseId", block.path("id").asText());
        use.put("name", ShortToolNames.shorten(block.path("name").asText()));
        JsonNode input = block.get("input");
        use.set("input", input != null && input.isObject() ? input.deepCopy() : Json.MAPPER.createObjectNode());
        return use;
    }

    private static void toolResult(Turn turn, JsonNode block) {
        String id = block.path("tool_use_id").asText();
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("toolUseId", id);
        result.put("status", block.path("is_error").asBoolean(false) ? "error" : "success");
        ArrayNode content = result.putArray("content");
        JsonNode given = block.path("content");
        if (given.isTextual()) {
            addResultText(content, given.asText());
        }
        for (JsonNode part : given) {
            switch (part.path("type").asText()) {
                case "text" -> addResultText(content, part.path("text").asText());
                case "image" -> turn.images.add(image(part)); // tool results carry text only: the image goes beside
                case "tool_reference" -> addResultText(content, "Tool loaded: " + part.path("tool_name").asText());
                default -> addResultText(content, Json.string(part));
            }
        }
        if (content.isEmpty()) {
            addResultText(content, "(no output)");
        }
        turn.addToolResult(id, result);
    }

    private static void addResultText(ArrayNode content, String text) {
        if (text != null && !text.isEmpty()) {
            content.addObject().put("text", text);
        }
    }

    private static ObjectNode image(JsonNode block) {
        JsonNode source = block.path("source");
        if (!"base64".equals(source.path("type").asText())) {
            throw new RouterException(ErrorType.INVALID_REQUEST,
                    "CodeWhisperer accepts images only as base64 data, not as '" + source.path("type").asText() + "'");
        }
        String mediaType = source.path("media_type").asText("image/png");
        ObjectNode image = Json.MAPPER.createObjectNode();
        image.put("format", mediaType.substring(mediaType.indexOf('/') + 1).toLowerCase(Locale.ROOT));
        image.putObject("source").put("bytes", source.path("data").asText());
        return image;
    }

    static String systemText(JsonNode system) {
        if (system.isTextual()) {
            return system.asText().strip();
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode block : system) {
            String text = block.path("text").asText("");
            if (!text.isBlank() && !text.startsWith(BILLING_HEADER)) {
                parts.add(text);
            }
        }
        return String.join("\n\n", parts);
    }

    /**
     * A tool result is only accepted right after the assistant turn that made the call. When the call is gone (the
     * client compacted or cut the history) the result is kept as plain text rather than refused.
     */
    private static void orphanedResultsToText(List<Turn> turns) {
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (!turn.isUser() || turn.toolResults.isEmpty()) {
                continue;
            }
            Set<String> called = new HashSet<>();
            if (i > 0) {
                turns.get(i - 1).toolUses.forEach(use -> called.add(use.path("toolUseId").asText()));
            }
            turn.toolResults.entrySet().removeIf(entry -> {
                if (called.contains(entry.getKey())) {
                    return false;
                }
                StringBuilder text = new StringBuilder("Result of tool call ").append(entry.getKey()).append(':');
                entry.getValue().path("content").forEach(c -> text.append('\n').append(c.path("text").asText()));
                turn.addText(text.toString());
                return true;
            });
        }
    }
}
