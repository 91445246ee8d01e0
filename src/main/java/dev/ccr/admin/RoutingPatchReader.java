package dev.ccr.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.model.NameRules;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a routing change (the body of {@code PUT /admin/routing}, or the saved overrides file) and checks every
 * field against the configured providers. Each problem is named by its field path, e.g.
 * {@code providers.primary.priority: must be a whole number of 1 or more}; the valid fields are kept apart, so the
 * API can refuse the whole change while a start-up load can still use what is valid.
 */
final class RoutingPatchReader {
    private final ProviderRegistry providers;
    private final int maxModelMapEntries;

    /** @param maxModelMapEntries the most model map entries one change (or the saved file) may hold */
    RoutingPatchReader(ProviderRegistry providers, int maxModelMapEntries) {
        this.providers = providers;
        this.maxModelMapEntries = maxModelMapEntries;
    }

    int maxModelMapEntries() {
        return maxModelMapEntries;
    }

    /** @param patch the valid part of the change; @param errors one line per invalid field, empty when all is valid */
    record Result(RoutingPatch patch, List<String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Result read(JsonNode body) {
        List<String> errors = new ArrayList<>();
        Map<String, Map<ProviderField, Object>> providerChanges = new LinkedHashMap<>();
        Map<String, Target> modelMap = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            errors.add("body: must be a JSON object such as {\"providers\":{…},\"modelMap\":{…}}");
            return new Result(new RoutingPatch(providerChanges, modelMap), errors);
        }
        body.fields().forEachRemaining(field -> {
            switch (field.getKey()) {
                case "providers" -> readProviders(field.getValue(), providerChanges, errors);
                case "modelMap" -> readModelMap(field.getValue(), modelMap, errors);
                default -> errors.add(field.getKey() + ": unknown field; expected providers or modelMap");
            }
        });
        return new Result(new RoutingPatch(providerChanges, modelMap), errors);
    }

    private void readProviders(JsonNode node, Map<String, Map<ProviderField, Object>> out, List<String> errors) {
        if (!node.isObject()) {
            errors.add("providers: must be an object of provider name to settings");
            return;
        }
        node.fields().forEachRemaining(entry -> {
            String path = "providers." + entry.getKey();
            if (!NameRules.isProvider(entry.getKey())) {
                // not echoed: the name is not one of ours, and may be markup meant for the panel
                errors.add("providers: each key must be " + NameRules.PROVIDER_RULE);
                return;
            }
            if (providers.find(entry.getKey()).isEmpty()) {
                errors.add(path + ": unknown provider; configured providers: " + configured());
                return;
            }
            if (!entry.getValue().isObject()) {
                errors.add(path + ": must be an object with " + ProviderField.NAMES);
                return;
            }
            Map<ProviderField, Object> changes = new EnumMap<>(ProviderField.class);
            entry.getValue().fields().forEachRemaining(f -> {
                ProviderField field = ProviderField.byJsonName(f.getKey()).orElse(null);
                if (field == null) {
                    errors.add(path + "." + f.getKey() + ": unknown field; expected " + ProviderField.NAMES);
                } else if (f.getValue().isNull()) {
                    changes.put(field, null);
                } else {
                    try {
                        changes.put(field, field.parse(f.getValue()));
                    } catch (IllegalArgumentException e) {
                        errors.add(path + "." + f.getKey() + ": " + e.getMessage());
                    }
                }
            });
            if (!changes.isEmpty()) {
                out.put(entry.getKey(), changes);
            }
        });
    }

    private void readModelMap(JsonNode node, Map<String, Target> out, List<String> errors) {
        if (!node.isObject()) {
            errors.add("modelMap: must be an object of client model to \"provider,model\"");
            return;
        }
        if (node.size() > maxModelMapEntries) {
            // refused before reading any entry: one error, not thousands
            errors.add("modelMap: at most " + maxModelMapEntries + " entries (this change has " + node.size() + ")");
            return;
        }
        node.fields().forEachRemaining(entry -> {
            String path = "modelMap." + entry.getKey();
            if (!NameRules.isModel(entry.getKey())) {
                errors.add("modelMap: each client model name (key) must be " + NameRules.MODEL_RULE);
            } else if (entry.getValue().isNull()) {
                out.put(entry.getKey(), null);
            } else {
                try {
                    out.put(entry.getKey(), target(entry.getValue()));
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": " + e.getMessage());
                }
            }
        });
    }

    private Target target(JsonNode value) {
        String text = value.isTextual() ? value.textValue() : "";
        // checked as sent, not trimmed: trim() would also quietly drop control characters at the ends
        if (!NameRules.isTarget(text)) {
            throw new IllegalArgumentException("must be " + NameRules.TARGET_RULE + " (or null to remove it)");
        }
        int comma = text.indexOf(',');
        String provider = text.substring(0, comma);
        String model = text.substring(comma + 1);
        ProviderSettings settings = providers.find(provider).map(p -> p.settings()).orElseThrow(() ->
                new IllegalArgumentException("unknown provider '" + provider + "'; configured providers: "
                        + configured()));
        if (!settings.serves(model)) {
            throw new IllegalArgumentException("provider '" + provider + "' does not serve model '" + model
                    + "'; its models: " + String.join(", ", settings.models()));
        }
        return new Target(provider, model);
    }

    private String configured() {
        return String.join(", ", providers.names());
    }
}
