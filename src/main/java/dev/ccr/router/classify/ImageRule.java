package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The last user message carries an image, directly or inside a tool result (a screenshot a tool returned): the model
 * must see it now. Images earlier in the conversation do not count: they were already answered.
 */
public final class ImageRule implements ClassificationRule {

    @Override
    public String name() {
        return "image";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        JsonNode last = lastUserMessage(input.request().messages());
        if (last == null) {
            return Optional.empty();
        }
        for (JsonNode block : last.path("content")) {
            if (isImage(block)) {
                return Optional.of(Decision.of(Categories.IMAGE, "image in the last user message"));
            }
            if ("tool_result".equals(block.path("type").asText()) && containsImage(block.path("content"))) {
                return Optional.of(Decision.of(Categories.IMAGE, "image in a tool result of the last user message"));
            }
        }
        return Optional.empty();
    }

    private static JsonNode lastUserMessage(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if ("user".equals(messages.get(i).path("role").asText())) {
                return messages.get(i);
            }
        }
        return null;
    }

    private static boolean containsImage(JsonNode content) {
        for (JsonNode block : content) {
            if (isImage(block)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isImage(JsonNode block) {
        return "image".equals(block.path("type").asText());
    }
}
