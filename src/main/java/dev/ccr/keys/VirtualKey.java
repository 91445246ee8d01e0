package dev.ccr.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A named client key (a "virtual key"): only the SHA-256 of the secret is kept, with the key's limits and the
 * providers and models it may use (empty: all).
 */
public record VirtualKey(String name, String hash, KeyLimits limits, List<String> providers, List<String> models,
                         Instant created) {
    public VirtualKey {
        providers = List.copyOf(providers);
        models = List.copyOf(models);
    }

    boolean allowsModel(String model) {
        return models.isEmpty() || models.contains(model);
    }

    boolean allowsProvider(String provider) {
        return providers.isEmpty() || providers.contains(provider);
    }

    /** The saved form, hash included. */
    ObjectNode toJson() {
        ObjectNode node = describe();
        node.put("hash", hash);
        return node;
    }

    /** What the admin API shows: everything but the hash. */
    ObjectNode describe() {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("name", name);
        node.set("limits", limits.toJson());
        ArrayNode providerNodes = node.putArray("providers");
        providers.forEach(providerNodes::add);
        ArrayNode modelNodes = node.putArray("models");
        models.forEach(modelNodes::add);
        node.put("created", created.toString());
        return node;
    }

    static VirtualKey fromJson(JsonNode node) {
        return new VirtualKey(node.path("name").asText(), node.path("hash").asText(),
                KeyLimits.fromJson(node.path("limits")), texts(node.path("providers")), texts(node.path("models")),
                Instant.parse(node.path("created").asText()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
