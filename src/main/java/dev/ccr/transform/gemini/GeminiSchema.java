package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a JSON schema (a tool's input_schema, a response format) into the OpenAPI subset Gemini's {@code Schema}
 * accepts. Gemini answers 400 to any keyword it does not know, so this keeps a list of what it knows rather than
 * a list of what to remove, and rewrites the few keywords that have an equivalent:
 * <ul>
 * <li>{@code const} becomes a one-value {@code enum}; {@code oneOf} becomes {@code anyOf};</li>
 * <li>{@code allOf} members are folded into the schema that holds them;</li>
 * <li>{@code type: [X, "null"]} and {@code anyOf} members of type null become {@code nullable: true};</li>
 * <li>local {@code $ref}s ({@code #/$defs/…}, {@code #/definitions/…}) are inlined, a few levels deep;</li>
 * <li>{@code exclusiveMinimum}/{@code exclusiveMaximum} become {@code minimum}/{@code maximum} for integers;</li>
 * <li>{@code format} survives only where Gemini takes it (strings: enum, date-time; numbers: int32, int64, float,
 * double); {@code enum} only with string values; {@code properties} only when not empty, and {@code required} only
 * names properties that exist.</li>
 * </ul>
 * Everything else ({@code $schema}, {@code additionalProperties}, {@code propertyNames}, {@code default},
 * {@code examples}…) is dropped. The client's schema is never changed: the result is a new tree.
 */
final class GeminiSchema {
    private static final Set<String> COPIED = Set.of("type", "title", "description", "nullable", "minItems",
            "maxItems", "minLength", "maxLength", "minProperties", "maxProperties", "minimum", "maximum", "pattern",
            "propertyOrdering");
    private static final Set<String> STRING_FORMATS = Set.of("enum", "date-time");
    private static final Set<String> NUMBER_FORMATS = Set.of("int32", "int64", "float", "double");
    private static final int MAX_REF_DEPTH = 6;

    private final JsonNode root;

    private GeminiSchema(JsonNode root) {
        this.root = root;
    }

    /**
     * The cleaned parameters of a function declaration, or null when there are none to declare: Gemini rejects an
     * object schema whose properties are empty, and a function without parameters is declared without the field.
     */
    static ObjectNode parameters(JsonNode inputSchema) {
        if (inputSchema == null || !inputSchema.isObject()) {
            return null;
        }
        ObjectNode cleaned = of(inputSchema);
        boolean object = "object".equals(cleaned.path("type").asText("object"));
        return object && !cleaned.has("properties") ? null : cleaned;
    }

    /** The cleaned copy of any schema. */
    static ObjectNode of(JsonNode schema) {
        return new GeminiSchema(schema).clean(schema, 0);
    }

    private ObjectNode clean(JsonNode schema, int refDepth) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        if (!(schema instanceof ObjectNode in)) {
            return out; // true / {} / nonsense: a schema without constraints
        }
        int depth = in.has("$ref") ? refDepth + 1 : refDepth; // what a $ref brings in counts toward the limit
        ObjectNode source = flatten(in, refDepth);
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "type" -> type(value, out);
                case "properties" -> properties(value, out, depth);
                case "items" -> {
                    if (value.isObject()) {
                        out.set("items", clean(value, depth));
                    }
                }
                case "anyOf" -> anyOf(value, out, depth);
                case "enum" -> enumValues(value, out);
                default -> {
                    if (COPIED.contains(key)) {
                        out.set(key, value.deepCopy());
                    }
                }
            }
        }
        exclusiveBounds(source, out);
        format(source, out);
        required(source, out);
        return out;
    }

    /** The schema with $ref, allOf, const and oneOf rewritten into keywords Gemini knows. */
    private ObjectNode flatten(ObjectNode in, int refDepth) {
        ObjectNode source = inlineRef(in.deepCopy(), refDepth);
        JsonNode allOf = source.remove("allOf");
        if (allOf != null && allOf.isArray()) {
            for (JsonNode member : allOf) {
                if (member instanceof ObjectNode memberObject) {
                    flatten(memberObject, refDepth).fields().forEachRemaining(f -> source.putIfAbsent(f.getKey(),
                            f.getValue()));
                }
            }
        }
        JsonNode constant = source.remove("const");
        if (constant != null && !source.has("enum")) {
            source.set("enum", Json.MAPPER.createArrayNode().add(constant));
        }
        JsonNode oneOf = source.remove("oneOf");
        if (oneOf != null && !source.has("anyOf")) {
            source.set("anyOf", oneOf);
        }
        return source;
    }

    /** A local $ref replaced by what it names; the referring schema's own words (a description) win. */
    private ObjectNode inlineRef(ObjectNode schema, int refDepth) {
        JsonNode ref = schema.remove("$ref");
        if (ref == null || refDepth >= MAX_REF_DEPTH) {
            return schema; // a recursive definition is cut here rather than followed forever
        }
        if (!(resolve(ref.asText()) instanceof ObjectNode target)) {
            return schema;
        }
        ObjectNode inlined = flatten(target, refDepth + 1);
        inlined.setAll(schema);
        return inlined;
    }

    private JsonNode resolve(String ref) {
        for (String prefix : new String[]{"#/$defs/", "#/definitions/"}) {
            if (ref.startsWith(prefix)) {
                return root.path(prefix.substring(2, prefix.length() - 1)).path(ref.substring(prefix.length()));
            }
        }
        return null;
    }

    private static void type(JsonNode value, ObjectNode out) {
        if (value.isTextual()) {
            if ("null".equals(value.asText())) {
                out.put("nullable", true);
            } else {
                out.put("type", value.asText());
            }
            return;
        }
        if (!value.isArray()) {
            return;
        }
        // ["string", "null"] → type string, nullable; of several real types Gemini takes only one
        for (JsonNode type : value) {
            if ("null".equals(type.asText())) {
                out.put("nullable", true);
            } else if (!out.has("type")) {
                out.put("type", type.asText());
            }
        }
    }

    private void properties(JsonNode value, ObjectNode out, int refDepth) {
        if (!value.isObject() || value.isEmpty()) {
            return;
        }
        ObjectNode properties = out.putObject("properties");
        value.fields().forEachRemaining(p -> properties.set(p.getKey(), clean(p.getValue(), refDepth)));
    }

    private void anyOf(JsonNode value, ObjectNode out, int refDepth) {
        if (!value.isArray()) {
            return;
        }
        ArrayNode members = Json.MAPPER.createArrayNode();
        for (JsonNode member : value) {
            if ("null".equals(member.path("type").asText())) {
                out.put("nullable", true);
            } else {
                members.add(clean(member, refDepth));
            }
        }
        if (members.size() == 1 && !out.has("type")) {
            // {anyOf: [X, null]} is just a nullable X
            ((ObjectNode) members.get(0)).fields().forEachRemaining(f -> out.putIfAbsent(f.getKey(), f.getValue()));
        } else if (!members.isEmpty()) {
            out.set("anyOf", members);
        }
    }

    private static void enumValues(JsonNode value, ObjectNode out) {
        if (!value.isArray()) {
            return;
        }
        ArrayNode values = Json.MAPPER.createArrayNode();
        for (JsonNode item : value) {
            if (item.isNull()) {
                out.put("nullable", true);
            } else if (item.isTextual()) {
                values.add(item.asText());
            } else {
                return; // Gemini's enum holds strings only: a numeric enum is left unconstrained rather than rejected
            }
        }
        if (!values.isEmpty()) {
            out.set("enum", values);
        }
    }

    private static void exclusiveBounds(ObjectNode source, ObjectNode out) {
        boolean integer = "integer".equals(out.path("type").asText());
        JsonNode min = source.path("exclusiveMinimum");
        if (integer && min.isNumber() && !out.has("minimum")) {
            out.put("minimum", min.asLong() + 1);
        }
        JsonNode max = source.path("exclusiveMaximum");
        if (integer && max.isNumber() && !out.has("maximum")) {
            out.put("maximum", max.asLong() - 1);
        }
    }

    private static void format(ObjectNode source, ObjectNode out) {
        String format = source.path("format").asText("");
        String type = out.path("type").asText("");
        boolean accepted = switch (type) {
            case "string" -> STRING_FORMATS.contains(format);
            case "number", "integer" -> NUMBER_FORMATS.contains(format);
            default -> false;
        };
        if (accepted) {
            out.put("format", format);
        }
    }

    private static void required(ObjectNode source, ObjectNode out) {
        JsonNode properties = out.path("properties");
        if (!source.path("required").isArray() || !properties.isObject()) {
            return;
        }
        ArrayNode required = Json.MAPPER.createArrayNode();
        for (JsonNode name : source.get("required")) {
            if (properties.has(name.asText())) {
                required.add(name.asText());
            }
        }
        if (!required.isEmpty()) {
            out.set("required", required);
        }
    }
}
