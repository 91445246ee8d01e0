package dev.ccr.transform.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;

/**
 * Thinking blocks another provider produced (their signature carries that provider's prefix, e.g. {@code gemini:})
 * cannot be verified by Anthropic, which refuses the whole request. They appear when a conversation moved between
 * providers (failover, a changed route), and are dropped before the request goes to Anthropic.
 */
final class ForeignThinking {
    private static final String[] FOREIGN_PREFIXES = {"gemini:"};

    private ForeignThinking() {
    }

    /** Whether any assistant turn holds one: the common request is then sent as it is, without a copy. */
    static boolean present(JsonNode body) {
        for (JsonNode message : body.path("messages")) {
            for (JsonNode block : message.path("content")) {
                if (isThinking(block) && isForeign(block.path("signature").asText(""))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Removes foreign thinking blocks from the assistant turns; true when any was removed. */
    static boolean strip(ObjectNode body) {
        boolean removed = false;
        for (JsonNode message : body.path("messages")) {
            if (message.path("content") instanceof ArrayNode content) {
                for (Iterator<JsonNode> blocks = content.elements(); blocks.hasNext(); ) {
                    JsonNode block = blocks.next();
                    if (isThinking(block) && isForeign(block.path("signature").asText(""))) {
                        blocks.remove();
                        removed = true;
                    }
                }
            }
        }
        return removed;
    }

    private static boolean isThinking(JsonNode block) {
        String type = block.path("type").asText();
        return "thinking".equals(type) || "redacted_thinking".equals(type);
    }

    private static boolean isForeign(String signature) {
        for (String prefix : FOREIGN_PREFIXES) {
            if (signature.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
