package dev.ccr.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.Target;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every routing change made at run time and still in force, as saved to the overrides file. Immutable: a change
 * makes a new one, so readers never see half of one.
 *
 * @param providers provider name to the fields set at run time (absent: the configured value)
 * @param modelMap  client model to target
 */
record RoutingOverrides(Map<String, Map<ProviderField, Object>> providers, Map<String, Target> modelMap) {
    static final RoutingOverrides NONE = new RoutingOverrides(Map.of(), Map.of());

    RoutingOverrides {
        providers = Collections.unmodifiableMap(new TreeMap<>(providers));
        modelMap = Collections.unmodifiableMap(new TreeMap<>(modelMap));
    }

    /** These overrides with a patch laid over them; a null in the patch removes the override. */
    RoutingOverrides with(RoutingPatch patch) {
        Map<String, Map<ProviderField, Object>> nextProviders = new TreeMap<>(providers);
        patch.providers().forEach((name, changes) -> {
            Map<ProviderField, Object> fields = new EnumMap<>(ProviderField.class);
            fields.putAll(providers.getOrDefault(name, Map.of()));
            changes.forEach((field, value) -> {
                if (value == null) {
                    fields.remove(field);
                } else {
                    fields.put(field, value);
                }
            });
            if (fields.isEmpty()) {
                nextProviders.remove(name);
            } else {
                nextProviders.put(name, Collections.unmodifiableMap(fields));
            }
        });
        Map<String, Target> nextModelMap = new TreeMap<>(modelMap);
        patch.modelMap().forEach((model, target) -> {
            if (target == null) {
                nextModelMap.remove(model);
            } else {
                nextModelMap.put(model, target);
            }
        });
        return new RoutingOverrides(nextProviders, nextModelMap);
    }

    /** The value set at run time, or null when the configured one applies. */
    Object value(String provider, ProviderField field) {
        return providers.getOrDefault(provider, Map.of()).get(field);
    }

    /** The saved form: the same shape as a patch, so loading the file is applying it. */
    ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode providerNodes = root.putObject("providers");
        providers.forEach((name, fields) -> {
            ObjectNode node = providerNodes.putObject(name);
            fields.forEach((field, value) -> node.set(field.jsonName(), Json.MAPPER.valueToTree(value)));
        });
        ObjectNode map = root.putObject("modelMap");
        modelMap.forEach((model, target) -> map.put(model, target.provider() + "," + target.model()));
        return root;
    }
}
