package dev.ccr.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * claude-code-router's transformers, mapped onto the router's protocols and protocol options. Transformers that only
 * repair what the router's translators already handle (tool use, tool-argument repair) map to nothing; any other
 * name is refused, naming the field.
 */
final class TransformerOptions {
    /** Already done by every translator of the router. */
    private static final Set<String> BUILT_IN = Set.of("tooluse", "enhancetool", "cleancache", "openai");

    private String protocol = "openai";
    private final Map<String, String> properties = new LinkedHashMap<>();

    static TransformerOptions read(JsonNode transformer, String field) {
        TransformerOptions options = new TransformerOptions();
        if (transformer.isMissingNode() || transformer.isNull()) {
            return options;
        }
        if (!transformer.isObject()) {
            throw new ImportException(field, "must be an object with a 'use' list");
        }
        options.use(transformer.path("use"), field + ".use", true);
        for (Iterator<Map.Entry<String, JsonNode>> it = transformer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> perModel = it.next();
            if (!perModel.getKey().equals("use")) {
                // per-model transformers: the router has one set of options per provider, so only no-ops fit here
                options.use(perModel.getValue().path("use"), field + "." + perModel.getKey() + ".use", false);
            }
        }
        return options;
    }

    private void use(JsonNode list, String field, boolean providerWide) {
        if (list.isMissingNode()) {
            return;
        }
        if (!list.isArray()) {
            throw new ImportException(field, "must be a list of transformer names");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            // a transformer with options is written ["name", {options}]
            String name = entry.isArray() ? entry.path(0).asText() : entry.asText();
            JsonNode settings = entry.isArray() ? entry.path(1) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            String where = field + "[" + i + "]";
            if (BUILT_IN.contains(name)) {
                continue;
            }
            if (!providerWide) {
                throw new ImportException(where, "transformer '" + name + "' for one model only cannot be mapped: "
                        + "the router applies options to the whole provider; give it under transformer.use");
            }
            apply(name, settings, where);
        }
    }

    private void apply(String name, JsonNode settings, String field) {
        switch (name) {
            case "openrouter" -> properties.put("option.reasoning-style", "openrouter");
            case "deepseek" -> {
                properties.put("option.reasoning-style", "deepseek");
                properties.put("option.history-reasoning-field", "reasoning_content");
            }
            case "groq" -> properties.put("option.strip-schema-fields", "$schema,additionalProperties");
            case "gemini" -> protocol = "gemini";
            case "Anthropic", "anthropic" -> protocol = "anthropic";
            case "maxtoken" -> properties.put("limits.max-output-tokens",
                    Integer.toString(JsonFields.positive(settings, "max_tokens", field + ".max_tokens")));
            default -> throw new ImportException(field, "unknown transformer '" + name + "' (known: openrouter, "
                    + "deepseek, groq, gemini, anthropic, maxtoken, and " + BUILT_IN + ", which need nothing here)");
        }
    }

    String protocol() {
        return protocol;
    }

    Map<String, String> properties() {
        return properties;
    }
}
