package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.model.MessagesRequest;

import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <CCR-SUBAGENT-MODEL>provider,model</CCR-SUBAGENT-MODEL>} tag users put at the start of a subagent's
 * prompt. Claude Code has moved that prompt between system blocks across versions (system[1] in older clients,
 * system[2] today), so every block is searched, and system may also be a plain string. The tag is a routing
 * instruction, not part of the prompt: it is removed before the request goes upstream.
 */
public final class SubagentTag {
    private static final Pattern TAG =
            Pattern.compile("^\\s*<CCR-SUBAGENT-MODEL>([^<]*)</CCR-SUBAGENT-MODEL>\\s*");

    private SubagentTag() {
    }

    /** The tag's content ("provider,model") from the first system block that starts with one. */
    public static Optional<String> find(MessagesRequest request) {
        JsonNode system = request.system();
        if (system.isTextual()) {
            return content(system.asText());
        }
        for (JsonNode block : system) {
            Optional<String> found = content(block.path("text").asText(""));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The request without any tag at the start of its system blocks. A block left empty is dropped, as Anthropic
     * refuses empty text blocks.
     */
    public static MessagesRequest strip(MessagesRequest request) {
        ObjectNode body = request.copyOfBody();
        JsonNode system = body.path("system");
        if (system.isTextual()) {
            String rest = removeTag(system.asText());
            if (rest.isEmpty()) {
                body.remove("system");
            } else {
                body.put("system", rest);
            }
        } else if (system instanceof ArrayNode blocks) {
            for (Iterator<JsonNode> it = blocks.elements(); it.hasNext(); ) {
                JsonNode block = it.next();
                if (block instanceof ObjectNode text && block.path("text").isTextual()) {
                    String rest = removeTag(text.get("text").asText());
                    if (rest.isEmpty()) {
                        it.remove();
                    } else {
                        text.put("text", rest);
                    }
                }
            }
        }
        return request.withBody(body);
    }

    private static Optional<String> content(String text) {
        Matcher m = TAG.matcher(text);
        return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    }

    private static String removeTag(String text) {
        return TAG.matcher(text).replaceFirst("");
    }
}
