package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Anthropic's {@code system} and {@code messages} as OpenAI chat messages.
 * <ul>
 * <li>{@code system} (string or text blocks) becomes one leading system message. Claude Code's
 * {@code x-anthropic-billing-header} block is left out: it means nothing to another provider, and because it changes
 * between requests it would defeat the provider's prompt-prefix caching.</li>
 * <li>{@code role: "system"} messages inside {@code messages} stay system messages where they are.</li>
 * <li>A user turn's {@code tool_result} blocks become {@code role: tool} messages placed first (OpenAI wants them
 * right after the assistant's tool calls), then one user message with the turn's other content.</li>
 * <li>An assistant turn's {@code tool_use} blocks become {@code tool_calls} with JSON-string arguments; its thinking
 * is dropped, or passed back in the field named by option {@code history-reasoning-field}.</li>
 * </ul>
 */
final class ChatMessageMapper {
    static final String BILLING_HEADER_PREFIX = "x-anthropic-billing-header:";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String historyReasoningField;

    ChatMessageMapper(String historyReasoningField) {
        this.historyReasoningField = historyReasoningField;
    }

    ArrayNode map(JsonNode system, JsonNode messages) {
        ArrayNode out = NODES.arrayNode();
        String systemText = systemText(system);
        if (!systemText.isEmpty()) {
            out.add(message("system", NODES.textNode(systemText)));
        }
        Set<String> openToolCalls = new HashSet<>();
        for (JsonNode message : messages) {
            switch (message.path("role").asText("")) {
                case "system" -> out.add(message("system", NODES.textNode(
                        ContentParts.joinText(ContentParts.of(message.path("content"))))));
                case "assistant" -> assistant(message.path("content"), out, openToolCalls);
                default -> user(message.path("content"), out, openToolCalls);
            }
        }
        return out;
    }

    private static String systemText(JsonNode system) {
        if (system.isTextual()) {
            return system.asText();
        }
        List<ObjectNode> parts = new ArrayList<>();
        for (JsonNode block : system) {
            String text = block.path("text").asText("");
            if (!text.isEmpty() && !text.startsWith(BILLING_HEADER_PREFIX)) {
                parts.add(ContentParts.text(text));
            }
        }
        return ContentParts.joinText(parts);
    }

    private void user(JsonNode content, ArrayNode out, Set<String> openToolCalls) {
        if (content.isTextual()) {
            out.add(message("user", content));
            return;
        }
        List<ObjectNode> parts = new ArrayList<>();
        List<ObjectNode> toolImages = new ArrayList<>();
        for (JsonNode block : content) {
            if (!block.path("type").asText("").equals("tool_result")) {
                parts.addAll(ContentParts.of(NODES.arrayNode().add(block)));
                continue;
            }
            ToolResultMessage result = ToolResultMessage.of(block);
            if (openToolCalls.remove(result.message().path("tool_call_id").asText())) {
                out.add(result.message());
            } else {
                // no matching tool call right before it (history was edited): OpenAI would reject a tool message
                parts.add(ContentParts.text("Result of tool call " + result.message().path("tool_call_id").asText()
                        + ":\n" + result.message().path("content").asText()));
            }
            toolImages.addAll(result.images());
        }
        List<ObjectNode> userParts = new ArrayList<>(toolImages);
        userParts.addAll(parts);
        if (!userParts.isEmpty()) {
            out.add(message("user", ContentParts.messageContent(userParts)));
        }
    }

    private void assistant(JsonNode content, ArrayNode out, Set<String> openToolCalls) {
        openToolCalls.clear();
        if (content.isTextual()) {
            out.add(message("assistant", content));
            return;
        }
        List<String> texts = new ArrayList<>();
        StringBuilder reasoning = new StringBuilder();
        ArrayNode toolCalls = NODES.arrayNode();
        for (JsonNode block : content) {
            switch (block.path("type").asText("")) {
                case "text" -> texts.add(block.path("text").asText(""));
                case "thinking" -> reasoning.append(block.path("thinking").asText(""));
                case "tool_use" -> {
                    ObjectNode call = toolCalls.addObject();
                    call.put("id", block.path("id").asText(""));
                    call.put("type", "function");
                    ObjectNode function = call.putObject("function");
                    function.put("name", block.path("name").asText(""));
                    function.put("arguments", Json.string(block.path("input").isObject()
                            ? block.get("input") : NODES.objectNode()));
                    openToolCalls.add(block.path("id").asText(""));
                }
                default -> texts.add(ContentParts.joinText(ContentParts.of(NODES.arrayNode().add(block))));
            }
        }
        String text = String.join("\n", texts.stream().filter(t -> !t.isEmpty()).toList());
        if (text.isEmpty() && toolCalls.isEmpty()) {
            return; // only thinking: nothing an OpenAI assistant message could hold on its own
        }
        ObjectNode message = message("assistant", text.isEmpty() ? NODES.nullNode() : NODES.textNode(text));
        if (historyReasoningField != null && !reasoning.isEmpty()) {
            message.put(historyReasoningField, reasoning.toString());
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
        out.add(message);
    }

    private static ObjectNode message(String role, JsonNode content) {
        ObjectNode message = NODES.objectNode();
        message.put("role", role);
        message.set("content", content);
        return message;
    }
}
