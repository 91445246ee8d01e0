package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

/**
 * Anthropic {@code tools} and {@code tool_choice} as Gemini {@code tools} and {@code toolConfig}. Custom tools become
 * one {@code functionDeclarations} list with parameters cleaned by {@link GeminiSchema}; Anthropic's web search
 * server tool becomes Google Search grounding. Anthropic-only tool fields (cache_control, defer_loading,
 * input_examples…) and Anthropic's other built-in tools (bash, text editor, computer, code execution: Gemini has no
 * client tool of those shapes) are left behind.
 */
final class ToolsMapper {
    private final boolean webSearch;

    ToolsMapper(boolean webSearch) {
        this.webSearch = webSearch;
    }

    void apply(JsonNode tools, JsonNode toolChoice, ObjectNode out) {
        ArrayNode declarations = Json.MAPPER.createArrayNode();
        boolean search = false;
        for (JsonNode tool : tools) {
            String type = tool.path("type").asText("custom");
            if (type.equals("custom")) {
                declarations.add(declaration(tool));
            } else if (type.startsWith("web_search_")) {
                search = webSearch;
            }
        }
        if (declarations.isEmpty() && !search) {
            return;
        }
        ArrayNode geminiTools = out.putArray("tools");
        if (!declarations.isEmpty()) {
            geminiTools.addObject().set("functionDeclarations", declarations);
        }
        if (search) {
            geminiTools.addObject().putObject("googleSearch");
        }
        if (!declarations.isEmpty()) {
            toolConfig(toolChoice, out);
        }
    }

    private static ObjectNode declaration(JsonNode tool) {
        ObjectNode declaration = Json.MAPPER.createObjectNode();
        declaration.put("name", tool.path("name").asText());
        if (!tool.path("description").asText("").isEmpty()) {
            declaration.put("description", tool.get("description").asText());
        }
        ObjectNode parameters = GeminiSchema.parameters(tool.path("input_schema"));
        if (parameters != null) {
            declaration.set("parameters", parameters);
        }
        return declaration;
    }

    /** tool_choice auto / any / tool / none as functionCallingConfig AUTO / ANY (+ the one name) / NONE. */
    private static void toolConfig(JsonNode toolChoice, ObjectNode out) {
        String mode = switch (toolChoice.path("type").asText("")) {
            case "auto" -> "AUTO";
            case "any", "tool" -> "ANY";
            case "none" -> "NONE";
            default -> null;
        };
        if (mode == null) {
            return; // no tool_choice: Gemini's default is AUTO too
        }
        ObjectNode config = out.putObject("toolConfig").putObject("functionCallingConfig");
        config.put("mode", mode);
        if ("tool".equals(toolChoice.path("type").asText())) {
            config.putArray("allowedFunctionNames").add(toolChoice.path("name").asText());
        }
    }
}
