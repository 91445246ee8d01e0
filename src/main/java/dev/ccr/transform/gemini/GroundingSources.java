package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.transform.AnthropicSink;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web pages a Google Search grounded answer drew on ({@code groundingMetadata.groundingChunks[].web}). Anthropic
 * would have sent web_search_tool_result blocks, which Gemini has no equivalent for; the links are added as a last
 * text so that the client (Claude Code's WebSearch tool reads the answer's text) still gets them.
 */
final class GroundingSources {
    private final Map<String, String> titlesByUri = new LinkedHashMap<>();

    void collect(JsonNode groundingMetadata) {
        for (JsonNode chunk : groundingMetadata.path("groundingChunks")) {
            JsonNode web = chunk.path("web");
            String uri = web.path("uri").asText("");
            if (!uri.isEmpty()) {
                titlesByUri.putIfAbsent(uri, web.path("title").asText(uri));
            }
        }
    }

    void emit(AnthropicSink sink) {
        if (titlesByUri.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder("\n\nSources:");
        titlesByUri.forEach((uri, title) -> text.append("\n- [").append(title).append("](").append(uri).append(')'));
        sink.text(text.toString());
    }
}
