package dev.ccr.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts a Messages request's input tokens with cl100k_base (jtokkit) — an estimate of Claude's own count, the same one
 * count_tokens answers and the long-context rule uses. Counted: system text, message text, tool_use inputs,
 * tool_result contents, and tool names, descriptions and schemas. Images and thinking are not counted.
 */
public final class TokenCounter {
    private static final TokenCounter SHARED = new TokenCounter();

    private final Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    /** One counter for places that are not given one (jtokkit's encodings are thread safe). */
    public static TokenCounter shared() {
        return SHARED;
    }

    public int count(JsonNode request) {
        StringBuilder text = new StringBuilder();
        appendContent(request.path("system"), text);
        for (JsonNode message : request.path("messages")) {
            appendContent(message.path("content"), text);
        }
        for (JsonNode tool : request.path("tools")) {
            append(tool.path("name").asText(""), text);
            append(tool.path("description").asText(""), text);
            if (tool.has("input_schema")) {
                append(tool.get("input_schema").toString(), text);
            }
        }
        return text.length() == 0 ? 0 : encoding.countTokensOrdinary(text.toString());
    }

    private static void appendContent(JsonNode content, StringBuilder text) {
        if (content.isTextual()) {
            append(content.asText(), text);
            return;
        }
        for (JsonNode block : content) {
            switch (block.path("type").asText("")) {
                case "text" -> append(block.path("text").asText(""), text);
                case "tool_use" -> {
                    append(block.path("name").asText(""), text);
                    append(block.path("input").toString(), text);
                }
                case "tool_result" -> appendContent(block.path("content"), text);
                default -> {
                    // images, documents and thinking are not counted (as with the classic routers)
                }
            }
        }
    }

    private static void append(String part, StringBuilder text) {
        if (!part.isEmpty()) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(part);
        }
    }
}
