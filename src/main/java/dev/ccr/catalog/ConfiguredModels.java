package dev.ccr.catalog;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user's own model facts, {@code ccr.models.<provider>.<model>.<field>} (e.g.
 * {@code ccr.models.ollama.qwen3:32b.context-window=32768}). The model id may contain dots: the provider is the first
 * segment and the field the last. The first source the catalog asks; a wrong value stops the start.
 */
final class ConfiguredModels {
    static final String PREFIX = "ccr.models.";
    static final Set<String> FIELDS = Set.of("context-window", "max-output-tokens", "reasoning", "reasoning-style",
            "images", "tools", "prompt-caching", "input-price", "output-price", "context-scaling");

    /** provider → normalised model id → facts. */
    private final Map<String, Map<String, ModelInfo>> models;

    private ConfiguredModels(Map<String, Map<String, ModelInfo>> models) {
        this.models = models;
    }

    static ConfiguredModels read(Settings settings, List<String> propertyNames) {
        Map<String, Map<String, String>> prefixes = new HashMap<>();
        for (String name : propertyNames) {
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            int firstDot = rest.indexOf('.');
            int lastDot = rest.lastIndexOf('.');
            if (firstDot <= 0 || lastDot <= firstDot + 1 || !FIELDS.contains(rest.substring(lastDot + 1))) {
                throw new ConfigException(settings.source(), name, "is not ccr.models.<provider>.<model>.<field> with a"
                        + " field among " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
            prefixes.computeIfAbsent(rest.substring(0, firstDot), p -> new HashMap<>())
                    .put(rest.substring(firstDot + 1, lastDot), PREFIX + rest.substring(0, lastDot) + ".");
        }
        Map<String, Map<String, ModelInfo>> models = new HashMap<>();
        prefixes.forEach((provider, byModel) -> byModel.forEach((model, prefix) -> models
                .computeIfAbsent(provider, p -> new HashMap<>())
                .put(ModelKeys.normalise(model), entry(settings, prefix))));
        return new ConfiguredModels(models);
    }

    private static ModelInfo entry(Settings settings, String prefix) {
        return new ModelInfo(count(settings, prefix + "context-window"), count(settings, prefix + "max-output-tokens"),
                bool(settings, prefix + "reasoning"), settings.get(prefix + "reasoning-style").orElse(null),
                bool(settings, prefix + "images"), bool(settings, prefix + "tools"),
                bool(settings, prefix + "prompt-caching"), price(settings, prefix + "input-price"),
                price(settings, prefix + "output-price"), bool(settings, prefix + "context-scaling"), "config");
    }

    ModelInfo find(String provider, String model) {
        Map<String, ModelInfo> byModel = models.get(provider);
        ModelInfo info = byModel == null ? null : byModel.get(ModelKeys.normalise(model));
        return info == null ? ModelInfo.UNKNOWN : info;
    }

    private static Integer count(Settings settings, String key) {
        return settings.get(key).isPresent() ? settings.positive(key, 1) : null;
    }

    private static Boolean bool(Settings settings, String key) {
        return settings.get(key).isPresent() ? settings.bool(key, false) : null;
    }

    private static Double price(Settings settings, String key) {
        return settings.get(key).map(v -> {
            try {
                double price = Double.parseDouble(v);
                if (price >= 0) {
                    return price;
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new ConfigException(settings.source(), key, "must be a price in USD per million tokens, not '" + v + "'");
        }).orElse(null);
    }
}
