package dev.ccr.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads required fields of an imported file, naming the field in every refusal. */
final class JsonFields {
    private JsonFields() {
    }

    static JsonNode object(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isObject()) {
            throw new ImportException(field, node.isMissingNode() ? "is required" : "must be an object");
        }
        return node;
    }

    static String text(JsonNode parent, String name, String field) {
        JsonNode node = parent.path(name);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new ImportException(field, node.isMissingNode() ? "is required" : "must be a non-empty string");
        }
        return node.asText().trim();
    }

    static int positive(JsonNode parent, String name, String field) {
        return positiveValue(parent.path(name), field);
    }

    static int positiveValue(JsonNode node, String field) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new ImportException(field, node.isMissingNode() ? "is required" : "must be a whole number of 1 or more");
        }
        return node.asInt();
    }

    /** A list of model ids, each checked; empty when the field is absent. */
    static List<String> models(JsonNode node, String field) {
        List<String> models = new ArrayList<>();
        if (node.isMissingNode()) {
            return models;
        }
        if (!node.isArray()) {
            throw new ImportException(field, "must be a list of model ids");
        }
        for (int i = 0; i < node.size(); i++) {
            models.add(ImportNames.model(field + "[" + i + "]", node.get(i).asText(null)));
        }
        return models;
    }
}
