package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

/**
 * Builds the GenerateContentRequest body for an Anthropic Messages request. Only fields with a Gemini meaning are
 * written, so everything Anthropic-only (model, stream, metadata, cache_control, context_management, safeguards,
 * betas, and any field a newer client adds) is left behind by construction. The model and the stream choice travel
 * in the URL, not the body.
 */
final class GeminiRequestMapper {
    /** Claude Code's first system block: a billing line for Anthropic, meaningless (and cache-busting) elsewhere. */
    static final String BILLING_HEADER = "x-anthropic-billing-header:";

    private final ContentsMapper contents;
    private final ToolsMapper tools;
    private final GenerationConfigMapper generationConfig;

    GeminiRequestMapper(GeminiOptions options) {
        this.contents = new ContentsMapper(options.signatureFallback());
        this.tools = new ToolsMapper(options.webSearch());
        this.generationConfig = new GenerationConfigMapper(options);
    }

    /** The GenerateContentRequest for {@code in}, sent to {@code model} (which decides how thinking is asked for). */
    ObjectNode map(JsonNode in, String model) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode system = systemInstruction(in.path("system"));
        if (system != null) {
            out.set("systemInstruction", system);
        }
        out.set("contents", contents.map(in.path("messages")));
        tools.apply(in.path("tools"), in.path("tool_choice"), out);
        ObjectNode config = generationConfig.map(in, model);
        if (config != null) {
            out.set("generationConfig", config);
        }
        return out;
    }

    private static ObjectNode systemInstruction(JsonNode system) {
        ArrayNode parts = Json.MAPPER.createArrayNode();
        if (system.isTextual()) {
            PartMapper.textPart(system.asText()).ifPresent(parts::add);
        }
        for (JsonNode block : system.isArray() ? system : Json.MAPPER.createArrayNode()) {
            String text = block.path("text").asText("");
            if (!text.startsWith(BILLING_HEADER)) {
                PartMapper.textPart(text).ifPresent(parts::add);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        ObjectNode instruction = Json.MAPPER.createObjectNode();
        instruction.set("parts", parts);
        return instruction;
    }
}
