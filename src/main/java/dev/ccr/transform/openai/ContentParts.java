package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic content blocks as OpenAI content parts: text stays text, images become {@code image_url} parts (base64
 * as a data URL), documents become {@code file} parts or text, and blocks that only Anthropic understands are
 * rendered as text so the model still sees what they said. cache_control and citations are dropped on the way.
 */
final class ContentParts {
    private static final Logger LOG = LoggerFactory.getLogger(ContentParts.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContentParts() {
    }

    /** The OpenAI parts for a block list (or a plain string). Blocks with nothing to show are skipped. */
    static List<ObjectNode> of(JsonNode content) {
        List<ObjectNode> parts = new ArrayList<>();
        if (content.isTextual()) {
            parts.add(text(content.asText()));
            return parts;
        }
        for (JsonNode block : content) {
            ObjectNode part = part(block);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts;
    }

    static ObjectNode text(String text) {
        ObjectNode part = NODES.objectNode();
        part.put("type", "text");
        part.put("text", text);
        return part;
    }

    /**
     * A message's {@code content}: a plain string when all parts are text (the form every OpenAI-compatible server
     * accepts; several reject part arrays), else the part array.
     */
    static JsonNode messageContent(List<ObjectNode> parts) {
        if (parts.stream().allMatch(p -> p.path("type").asText().equals("text"))) {
            return NODES.textNode(joinText(parts));
        }
        ArrayNode array = NODES.arrayNode();
        parts.forEach(array::add);
        return array;
    }

    /** The text of text parts, one per line; other parts are left out. */
    static String joinText(List<ObjectNode> parts) {
        StringBuilder text = new StringBuilder();
        for (ObjectNode part : parts) {
            if (part.path("type").asText().equals("text")) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }

    static boolean isImage(ObjectNode part) {
        return part.path("type").asText().equals("image_url");
    }

    private static ObjectNode part(JsonNode block) {
        String type = block.path("type").asText("");
        return switch (type) {
            case "text" -> text(block.path("text").asText(""));
            case "image" -> image(block.path("source"));
            case "document" -> document(block);
            case "tool_reference" -> text(toolReference(block));
            case "search_result" -> text(searchResult(block));
            case "web_search_tool_result" -> text(webSearchResult(block));
            case "thinking", "redacted_thinking", "server_tool_use" -> null;
            default -> {
                LOG.debug("Dropped a '{}' content block: OpenAI chat has no equivalent", type);
                yield null;
            }
        };
    }

    /** A tool the model may now call; its definition is already in {@code tools} (deferred tools are sent eagerly). */
    static String toolReference(JsonNode block) {
        return "Tool " + block.path("tool_name").asText("?") + " is loaded and can be called now.";
    }

    private static ObjectNode image(JsonNode source) {
        String url = switch (source.path("type").asText("")) {
            case "base64" -> "data:" + source.path("media_type").asText("image/png") + ";base64,"
                    + source.path("data").asText("");
            case "url" -> source.path("url").asText("");
            default -> throw new RouterException(ErrorType.INVALID_REQUEST, "Image source type '"
                    + source.path("type").asText("") + "' cannot be sent to an OpenAI-compatible provider");
        };
        ObjectNode part = NODES.objectNode();
        part.put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    private static ObjectNode document(JsonNode block) {
        JsonNode source = block.path("source");
        String title = block.path("title").asText("document");
        switch (source.path("type").asText("")) {
            case "text" -> {
                return text(source.path("data").asText(""));
            }
            case "base64" -> {
                ObjectNode part = NODES.objectNode();
                part.put("type", "file");
                ObjectNode file = part.putObject("file");
                file.put("filename", title.endsWith(".pdf") ? title : title + ".pdf");
                file.put("file_data", "data:" + source.path("media_type").asText("application/pdf") + ";base64,"
                        + source.path("data").asText(""));
                return part;
            }
            case "url" -> {
                return text("[Document " + title + ": " + source.path("url").asText("") + "]");
            }
            default -> throw new RouterException(ErrorType.INVALID_REQUEST, "Document source type '"
                    + source.path("type").asText("") + "' cannot be sent to an OpenAI-compatible provider");
        }
    }

    private static String searchResult(JsonNode block) {
        StringBuilder text = new StringBuilder(block.path("title").asText("")).append('\n')
                .append(block.path("source").asText(""));
        for (JsonNode part : block.path("content")) {
            text.append('\n').append(part.path("text").asText(""));
        }
        return text.toString();
    }

    /** Results of a web search Anthropic ran in an earlier turn (e.g. before a provider switch). */
    private static String webSearchResult(JsonNode block) {
        StringBuilder text = new StringBuilder("Web search results:");
        for (JsonNode result : block.path("content")) {
            text.append("\n- ").append(result.path("title").asText("")).append(" (")
                    .append(result.path("url").asText("")).append(')');
        }
        return text.toString();
    }
}
