package dev.ccr.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog shipped with the router ({@code catalog/models.json}): the well-known models of every shipped provider,
 * as their documentation described them on the file's {@code as_of} date. The last source the catalog asks.
 */
final class ShippedCatalog {
    static final String RESOURCE = "/catalog/models.json";

    private final Map<String, ModelInfo> models;
    private final String asOf;

    private ShippedCatalog(Map<String, ModelInfo> models, String asOf) {
        this.models = models;
        this.asOf = asOf;
    }

    static ShippedCatalog load() {
        try (InputStream in = ShippedCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the router's jar");
            }
            JsonNode root = Json.parse(in.readAllBytes());
            String asOf = root.path("as_of").asText("undated");
            Map<String, ModelInfo> models = new LinkedHashMap<>();
            root.path("models").fields().forEachRemaining(e -> models.put(ModelKeys.normalise(e.getKey()),
                    ModelInfo.readFrom(e.getValue(), "shipped " + asOf)));
            return new ShippedCatalog(Map.copyOf(models), asOf);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    ModelInfo find(String model) {
        ModelInfo info = ModelKeys.find(models, model);
        return info == null ? ModelInfo.UNKNOWN : info;
    }

    String asOf() {
        return asOf;
    }
}
