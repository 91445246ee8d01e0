package dev.ccr.transform.codewhisperer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Writes the body of {@code generateAssistantResponse}: {@code conversationState} (history, current message, tools),
 * the optional thinking settings and the profile ARN. Never writes an empty content or a null field: CodeWhisperer
 * refuses both.
 */
final class ConversationStateBuilder {
    static final String ORIGIN = "AI_EDITOR";
    static final String TOOL_RESULTS_ONLY = "Tool results provided.";
    static final String NO_TEXT = "(empty)";
    /** Kiro refuses very long tool descriptions; Claude Code's longest are around 10 K characters. */
    static final int MAX_TOOL_DESCRIPTION_CHARS = 10_000;

    private ConversationStateBuilder() {
    }

    /**
     * @param modelId        the CodeWhisperer model id
     * @param profileArn     the profile ARN, or null when the account has none (Builder ID)
     * @param forwardThinking whether the client's thinking and effort settings go upstream
     */
    static ObjectNode build(MessagesRequest request, String modelId, String profileArn, boolean forwardThinking) {
        List<Turn> turns = ConversationTurns.of(request);
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode state = root.putObject("conversationState");
        state.put("agentTaskType", "vibe");
        state.put("chatTriggerType", "MANUAL");
        state.put("conversationId", conversationId(request));
        ObjectNode current = userMessage(turns.get(turns.size() - 1), modelId);
        ArrayNode tools = tools(request.tools());
        if (!tools.isEmpty()) {
            context(current).set("tools", tools);
        }
        state.putObject("currentMessage").set("userInputMessage", current);
        if (turns.size() > 1) {
            ArrayNode history = state.putArray("history");
            for (Turn turn : turns.subList(0, turns.size() - 1)) {
                if (turn.isUser()) {
                    history.addObject().set("userInputMessage", userMessage(turn, modelId));
                } else {
                    history.addObject().set("assistantResponseMessage", assistantMessage(turn));
                }
            }
        }
        if (forwardThinking) {
            ObjectNode extra = thinkingFields(request.body());
            if (!extra.isEmpty()) {
                root.set("additionalModelRequestFields", extra);
            }
        }
        if (profileArn != null && !profileArn.isBlank()) {
            root.put("profileArn", profileArn);
        }
        return root;
    }

    private static ObjectNode userMessage(Turn turn, String modelId) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        String text = turn.text();
        message.put("content", !text.isBlank() ? text
                : !turn.toolResults.isEmpty() ? TOOL_RESULTS_ONLY : ConversationTurns.CONTINUE);
        message.put("modelId", modelId);
        message.put("origin", ORIGIN);
        if (!turn.images.isEmpty()) {
            message.putArray("images").addAll(turn.images);
        }
        if (!turn.toolResults.isEmpty()) {
            context(message).putArray("toolResults").addAll(turn.toolResults.values());
        }
        return message;
    }

    private static ObjectNode assistantMessage(Turn turn) {
        ObjectNode message = Json.MAPPER.createObjectNode();
        String text = turn.text();
        message.put("content", text.isBlank() ? NO_TEXT : text);
        if (!turn.toolUses.isEmpty()) {
            message.putArray("toolUses").addAll(turn.toolUses);
        }
        return message;
    }

    private static ObjectNode context(ObjectNode userMessage) {
        JsonNode context = userMessage.get("userInputMessageContext");
        return context != null ? (ObjectNode) context : userMessage.putObject("userInputMessageContext");
    }

    /** Custom tools only: server tools (web_search…) have no CodeWhisperer equivalent. */
    private static ArrayNode tools(JsonNode tools) {
        ArrayNode specs = Json.MAPPER.createArrayNode();
        for (JsonNode tool : tools) {
            JsonNode schema = tool.get("input_schema");
            if (schema == null || !schema.isObject()) {
                continue;
            }
            String name = tool.path("name").asText();
            String description = tool.path("description").asText("");
            if (description.isBlank()) {
                description = name;
            } else if (description.length() > MAX_TOOL_DESCRIPTION_CHARS) {
                description = description.substring(0, MAX_TOOL_DESCRIPTION_CHARS) + "…";
            }
            ObjectNode spec = specs.addObject().putObject("toolSpecification");
            spec.put("name", ShortToolNames.shorten(name));
            spec.put("description", description);
            spec.putObject("inputSchema").set("json", schema.deepCopy());
        }
        return specs;
    }

    /** Claude Code's thinking ({adaptive} or {enabled, budget_tokens}) and output_config.effort. */
    private static ObjectNode thinkingFields(JsonNode body) {
        ObjectNode extra = Json.MAPPER.createObjectNode();
        JsonNode thinking = body.path("thinking");
        String type = thinking.path("type").asText("");
        if (type.equals("adaptive") || type.equals("enabled")) {
            ObjectNode out = extra.putObject("thinking");
            out.put("type", type);
            if (thinking.path("budget_tokens").canConvertToInt() && thinking.has("budget_tokens")) {
                out.put("budget_tokens", thinking.path("budget_tokens").asInt());
            }
        }
        JsonNode effort = body.path("output_config").path("effort");
        if (effort.isTextual()) {
            extra.putObject("output_config").put("effort", effort.asText());
        }
        return extra;
    }

    /**
     * Stable for one conversation of one session, so Kiro sees the turns of a conversation as one: the session id
     * alone is not enough, since Claude Code's subagents share their parent's. The first message tells them apart
     * and stays the same while the conversation goes on.
     */
    static String conversationId(MessagesRequest request) {
        if (request.sessionId() == null || request.sessionId().isBlank()) {
            return UUID.randomUUID().toString();
        }
        // Only the text: cache_control markers move from turn to turn.
        StringBuilder seed = new StringBuilder(request.sessionId());
        JsonNode first = request.messages().path(0).path("content");
        if (first.isTextual()) {
            seed.append('\n').append(first.asText());
        }
        first.forEach(block -> seed.append('\n').append(block.path("text").asText("")));
        return UUID.nameUUIDFromBytes(seed.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
