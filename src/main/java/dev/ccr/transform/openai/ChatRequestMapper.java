package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;

/**
 * Builds the OpenAI chat completions body for an Anthropic Messages request. Only fields with an OpenAI meaning are
 * written; everything else (cache_control, context_management, output_config, safeguards, metadata, betas, and any
 * top-level field a newer client adds) is left behind by construction, not by a list of exclusions.
 */
final class ChatRequestMapper {
    private final OpenAiOptions options;
    private final ChatMessageMapper messages;
    private final ToolMapper tools;

    ChatRequestMapper(OpenAiOptions options) {
        this.options = options;
        this.messages = new ChatMessageMapper(options.historyReasoningField());
        this.tools = new ToolMapper(new SchemaCleaner(options.stripSchemaFields()), options.webSearch());
    }

    ObjectNode map(MessagesRequest request, String model) {
        JsonNode in = request.body();
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.put("model", model);
        out.set("messages", messages.map(in.path("system"), in.path("messages")));
        tools.apply(in.path("tools"), in.path("tool_choice"), out);
        maxTokens(in, out);
        copyIfPresent(in, "temperature", out);
        copyIfPresent(in, "top_p", out);
        if (in.path("stop_sequences").isArray() && !in.path("stop_sequences").isEmpty()) {
            out.set("stop", in.get("stop_sequences").deepCopy());
        }
        options.reasoningStyle().apply(in.path("thinking"), in.path("output_config"), out);
        if (request.stream()) {
            out.put("stream", true);
            if (options.streamUsage()) {
                // without it OpenAI sends no usage at all in a stream
                out.putObject("stream_options").put("include_usage", true);
            }
        }
        out.remove(options.dropRequestFields());
        return out;
    }

    private void maxTokens(JsonNode in, ObjectNode out) {
        long maxTokens = in.path("max_tokens").asLong(0);
        if (maxTokens <= 0) {
            return;
        }
        if (options.maxOutputTokens() > 0) {
            // Claude Code asks for 32k–128k; many providers reject more than their model's limit
            maxTokens = Math.min(maxTokens, options.maxOutputTokens());
        }
        out.put(options.maxTokensField(), maxTokens);
    }

    /** Fields with the same name and meaning in both APIs. */
    private static void copyIfPresent(JsonNode in, String field, ObjectNode out) {
        if (in.hasNonNull(field)) {
            out.set(field, in.get(field).deepCopy());
        }
    }
}
