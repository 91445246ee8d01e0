package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Anthropic {@code tools} and {@code tool_choice} as OpenAI function tools. Client tools keep their JSON schema
 * (minus the keywords in {@code strip-schema-fields}); tools marked {@code defer_loading} are sent like any other,
 * since OpenAI has no deferred loading and Claude Code only defers to save context. Anthropic server tools cannot
 * run at another provider: {@code web_search_*} becomes {@code web_search_options} when option {@code web-search}
 * is true, and every other server tool is dropped with a log line.
 */
final class ToolMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ToolMapper.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SchemaCleaner schemas;
    private final boolean webSearch;

    ToolMapper(SchemaCleaner schemas, boolean webSearch) {
        this.schemas = schemas;
        this.webSearch = webSearch;
    }

    /** Sets tools, tool_choice, parallel_tool_calls and web_search_options on {@code out} as far as they apply. */
    void apply(JsonNode tools, JsonNode toolChoice, ObjectNode out) {
        ArrayNode functions = NODES.arrayNode();
        Set<String> names = new HashSet<>();
        for (JsonNode tool : tools) {
            String type = tool.path("type").asText("custom");
            String name = tool.path("name").asText("");
            if (type.startsWith("web_search")) {
                if (webSearch) {
                    out.set("web_search_options", webSearchOptions(tool));
                } else {
                    LOG.info("Dropped server tool '{}' ({}): the provider cannot run Anthropic's web search "
                            + "(set option web-search=true if it supports web_search_options)", name, type);
                }
            } else if (!type.equals("custom") || !tool.has("input_schema")) {
                LOG.info("Dropped tool '{}' of type '{}': it has no input schema an OpenAI function could carry",
                        name, type);
            } else {
                functions.add(function(tool));
                names.add(name);
            }
        }
        if (!functions.isEmpty()) {
            out.set("tools", functions);
            JsonNode choice = choice(toolChoice, names);
            if (choice != null) {
                out.set("tool_choice", choice);
            }
            if (toolChoice.path("disable_parallel_tool_use").asBoolean(false)) {
                out.put("parallel_tool_calls", false);
            }
        }
    }

    private ObjectNode function(JsonNode tool) {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.put("type", "function");
        ObjectNode function = wrapper.putObject("function");
        function.put("name", tool.path("name").asText());
        if (tool.hasNonNull("description")) {
            function.put("description", tool.path("description").asText());
        }
        function.set("parameters", schemas.clean(tool.get("input_schema")));
        return wrapper;
    }

    /** null leaves the provider's default (auto) in place, also when the chosen tool was dropped. */
    private static JsonNode choice(JsonNode toolChoice, Set<String> names) {
        return switch (toolChoice.path("type").asText("")) {
            case "auto" -> NODES.textNode("auto");
            case "any" -> NODES.textNode("required");
            case "none" -> NODES.textNode("none");
            case "tool" -> {
                String name = toolChoice.path("name").asText("");
                if (!names.contains(name)) {
                    yield null;
                }
                ObjectNode choice = NODES.objectNode();
                choice.put("type", "function");
                choice.putObject("function").put("name", name);
                yield choice;
            }
            default -> null;
        };
    }

    /** Anthropic's user_location is approximate already; OpenAI nests the same fields one level deeper. */
    private static ObjectNode webSearchOptions(JsonNode tool) {
        ObjectNode options = NODES.objectNode();
        JsonNode location = tool.path("user_location");
        if (location.isObject()) {
            ObjectNode approximate = options.putObject("user_location").put("type", "approximate")
                    .putObject("approximate");
            for (String field : new String[]{"city", "region", "country", "timezone"}) {
                if (location.hasNonNull(field)) {
                    approximate.set(field, location.get(field));
                }
            }
        }
        return options;
    }
}
