package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Removes JSON schema keywords a provider rejects (option {@code strip-schema-fields}, e.g. {@code $schema} or
 * {@code additionalProperties}) from a tool's parameters at every depth. Only keywords are removed: the keys of a
 * {@code properties} map are parameter names, so a parameter called {@code format} survives stripping the
 * {@code format} keyword.
 */
final class SchemaCleaner {
    /** Keywords whose value maps names to schemas, rather than being a schema itself. */
    private static final Set<String> NAME_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
            "dependentSchemas");

    private final Set<String> stripped;

    SchemaCleaner(Set<String> stripped) {
        this.stripped = stripped;
    }

    /** A cleaned copy; the client's schema is shared and must not change. */
    JsonNode clean(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        if (!stripped.isEmpty()) {
            cleanSchema(copy);
        }
        return copy;
    }

    private void cleanSchema(JsonNode node) {
        if (node instanceof ArrayNode array) {
            array.forEach(this::cleanSchema);
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        object.remove(stripped);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NAME_MAPS.contains(field.getKey()) && field.getValue().isObject()) {
                field.getValue().forEach(this::cleanSchema);
            } else {
                cleanSchema(field.getValue());
            }
        }
    }
}
