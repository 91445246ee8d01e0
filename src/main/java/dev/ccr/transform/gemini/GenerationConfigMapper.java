package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

/**
 * The sampling and output settings of an Anthropic request as Gemini's {@code generationConfig}: max_tokens (clamped
 * to the provider's limit), temperature, top_p, top_k, stop_sequences, thinking (see {@link ThinkingBudget}) and a
 * JSON-schema output format ({@code output_config.format}, used by Claude Code for session titles).
 */
final class GenerationConfigMapper {
    /** Gemini takes at most five stop sequences; more is a 400. */
    static final int MAX_STOP_SEQUENCES = 5;

    private final GeminiOptions options;

    GenerationConfigMapper(GeminiOptions options) {
        this.options = options;
    }

    /** The generationConfig, or null when the request sets nothing. */
    ObjectNode map(JsonNode in, String model) {
        ObjectNode config = Json.MAPPER.createObjectNode();
        long maxTokens = in.path("max_tokens").asLong(0);
        if (maxTokens > 0) {
            if (options.maxOutputTokens() > 0) {
                // Claude Code asks for up to 128k; Gemini models stop at 64k and reject more
                maxTokens = Math.min(maxTokens, options.maxOutputTokens());
            }
            config.put("maxOutputTokens", maxTokens);
        }
        copy(in, "temperature", config, "temperature");
        copy(in, "top_p", config, "topP");
        copy(in, "top_k", config, "topK");
        stopSequences(in.path("stop_sequences"), config);
        if (options.thinking()) {
            ObjectNode thinking = ThinkingBudget.config(in.path("thinking"), in.path("output_config"),
                    options.maxThinkingBudget(), model);
            if (thinking != null) {
                config.set("thinkingConfig", thinking);
            }
        }
        JsonNode format = in.path("output_config").path("format");
        if ("json_schema".equals(format.path("type").asText()) && format.path("schema").isObject()) {
            config.put("responseMimeType", "application/json");
            config.set("responseSchema", GeminiSchema.of(format.get("schema")));
        }
        return config.isEmpty() ? null : config;
    }

    private static void stopSequences(JsonNode stops, ObjectNode config) {
        if (!stops.isArray() || stops.isEmpty()) {
            return;
        }
        ArrayNode out = config.putArray("stopSequences");
        for (int i = 0; i < stops.size() && i < MAX_STOP_SEQUENCES; i++) {
            out.add(stops.get(i).asText());
        }
    }

    private static void copy(JsonNode in, String from, ObjectNode out, String to) {
        if (in.path(from).isNumber()) {
            out.set(to, in.get(from).deepCopy());
        }
    }
}
