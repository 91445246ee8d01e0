package dev.ccr.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is known about one model. Every field may be unknown (null): the catalog merges its sources field by field,
 * the first source that knows a field wins.
 *
 * @param contextWindow    input + output tokens the model takes at most
 * @param maxOutputTokens  the most tokens it writes in one answer
 * @param reasoning        whether it takes reasoning/thinking parameters
 * @param reasoningStyle   how it is asked to reason ({@code openai}, {@code openrouter}, {@code deepseek},
 *                         {@code anthropic}, {@code gemini}); informative
 * @param images           whether it reads images
 * @param tools            whether it calls tools
 * @param promptCaching    whether the provider caches prompts for it
 * @param inputPrice       USD per million input tokens
 * @param outputPrice      USD per million output tokens
 * @param contextScaling   whether input_tokens are scaled to the 200k window Claude Code assumes (null: on for
 *                         windows under 200k)
 * @param source           where the fields came from, most trusted first (e.g. "config, shipped 2025-10-01")
 */
public record ModelInfo(Integer contextWindow, Integer maxOutputTokens, Boolean reasoning, String reasoningStyle,
                        Boolean images, Boolean tools, Boolean promptCaching, Double inputPrice, Double outputPrice,
                        Boolean contextScaling, String source) {

    public static final ModelInfo UNKNOWN = new ModelInfo(null, null, null, null, null, null, null, null, null, null,
            null);

    /** This model's fields, completed by those of a less trusted source. */
    public ModelInfo orElse(ModelInfo lower) {
        if (lower == null || lower.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return lower;
        }
        return new ModelInfo(first(contextWindow, lower.contextWindow), first(maxOutputTokens, lower.maxOutputTokens),
                first(reasoning, lower.reasoning), first(reasoningStyle, lower.reasoningStyle),
                first(images, lower.images), first(tools, lower.tools), first(promptCaching, lower.promptCaching),
                first(inputPrice, lower.inputPrice), first(outputPrice, lower.outputPrice),
                first(contextScaling, lower.contextScaling),
                source == null ? lower.source : lower.source == null ? source : source + ", " + lower.source);
    }

    public ModelInfo withSource(String newSource) {
        return new ModelInfo(contextWindow, maxOutputTokens, reasoning, reasoningStyle, images, tools, promptCaching,
                inputPrice, outputPrice, contextScaling, newSource);
    }

    public boolean isEmpty() {
        return contextWindow == null && maxOutputTokens == null && reasoning == null && reasoningStyle == null
                && images == null && tools == null && promptCaching == null && inputPrice == null
                && outputPrice == null && contextScaling == null;
    }

    /** The fields as JSON (the shipped file's and {@code GET /v1/models}'s names); unknown fields are left out. */
    public void writeTo(ObjectNode out) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("context_window", contextWindow);
        fields.put("max_output_tokens", maxOutputTokens);
        fields.put("reasoning", reasoning);
        fields.put("reasoning_style", reasoningStyle);
        fields.put("images", images);
        fields.put("tools", tools);
        fields.put("prompt_caching", promptCaching);
        fields.put("input_price_per_mtok", inputPrice);
        fields.put("output_price_per_mtok", outputPrice);
        fields.put("context_scaling", contextScaling);
        fields.put("source", source);
        fields.forEach((name, value) -> {
            if (value != null) {
                out.set(name, Json.MAPPER.valueToTree(value));
            }
        });
    }

    /** Reads the fields {@link #writeTo} writes (the shipped catalog's entries). */
    public static ModelInfo readFrom(JsonNode in, String source) {
        return new ModelInfo(integer(in, "context_window"), integer(in, "max_output_tokens"), bool(in, "reasoning"),
                text(in, "reasoning_style"), bool(in, "images"), bool(in, "tools"), bool(in, "prompt_caching"),
                number(in, "input_price_per_mtok"), number(in, "output_price_per_mtok"), bool(in, "context_scaling"),
                source);
    }

    private static Integer integer(JsonNode in, String field) {
        return in.path(field).canConvertToInt() && in.path(field).isNumber() ? in.get(field).intValue() : null;
    }

    private static Double number(JsonNode in, String field) {
        return in.path(field).isNumber() ? in.get(field).doubleValue() : null;
    }

    private static Boolean bool(JsonNode in, String field) {
        return in.path(field).isBoolean() ? in.get(field).booleanValue() : null;
    }

    private static String text(JsonNode in, String field) {
        return in.path(field).isTextual() ? in.get(field).asText() : null;
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
