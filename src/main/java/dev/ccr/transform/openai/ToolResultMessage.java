package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One Anthropic {@code tool_result} block as an OpenAI {@code role: tool} message. OpenAI tool messages carry text
 * only, so images a tool returned (a screenshot, an image file the Read tool opened) are handed back separately to
 * go into the user message that follows the tool messages.
 *
 * @param message the {@code role: tool} message
 * @param images  image parts the tool returned, in order
 */
record ToolResultMessage(ObjectNode message, List<ObjectNode> images) {
    /** What the model sees for a tool that returned nothing: some servers reject an empty tool message. */
    static final String NO_OUTPUT = "(no output)";

    static ToolResultMessage of(JsonNode toolResult) {
        List<ObjectNode> parts = ContentParts.of(toolResult.path("content").isMissingNode()
                ? JsonNodeFactory.instance.textNode("") : toolResult.path("content"));
        List<ObjectNode> images = new ArrayList<>();
        for (ObjectNode part : parts) {
            if (!part.path("type").asText().equals("text")) {
                images.add(part);
            }
        }
        String text = ContentParts.joinText(parts);
        if (!images.isEmpty()) {
            text = (text.isEmpty() ? "" : text + "\n") + "(" + images.size() + " attachment"
                    + (images.size() == 1 ? "" : "s") + " in the next user message)";
        }
        if (text.isEmpty()) {
            text = NO_OUTPUT;
        }
        if (toolResult.path("is_error").asBoolean(false)) {
            // OpenAI has no error flag on tool messages; the model has to read it
            text = "Error: " + text;
        }
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("role", "tool");
        message.put("tool_call_id", toolResult.path("tool_use_id").asText(""));
        message.put("content", text);
        return new ToolResultMessage(message, images);
    }
}
