package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Feeds GenerateContentResponses (one whole answer, or the chunks of a stream, in order) to an {@link AnthropicSink}.
 * Only the first candidate counts: Claude Code never asks for more. Parts map as:
 * <ul>
 * <li>{@code text} → text; {@code thought: true} text → thinking;</li>
 * <li>{@code thoughtSignature} → the signature of a thinking block placed just before the part that carried it
 * (see {@link ThoughtSignatures});</li>
 * <li>{@code functionCall} → tool_use, its args sent as one input_json_delta (Gemini sends a call whole), its
 * {@code id} kept, or a {@code toolu_} id made when Gemini gives none.</li>
 * </ul>
 * The message ends only at {@link #finish()}, at the end of the body: usage often comes in a chunk after the one
 * with the finishReason.
 */
final class GeminiResponseHandler {
    private enum Block { NONE, THINKING, TEXT, TOOL }

    private final AnthropicSink sink;
    private final Supplier<String> toolIds;
    private final GroundingSources sources = new GroundingSources();
    private boolean started;
    private Block current = Block.NONE;
    private boolean currentThinkingSigned;
    private boolean calledTools;
    private String finishReason;
    private String blockReason;

    GeminiResponseHandler(AnthropicSink sink) {
        this(sink, () -> "toolu_" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** @param toolIds makes ids for function calls Gemini sent without one */
    GeminiResponseHandler(AnthropicSink sink, Supplier<String> toolIds) {
        this.sink = sink;
        this.toolIds = toolIds;
    }

    void accept(JsonNode response) {
        if (response.hasNonNull("error")) {
            throw GeminiError.of(response.get("error"));
        }
        GeminiUsage usage = GeminiUsage.of(response.path("usageMetadata"));
        if (!started) {
            started = true;
            String id = response.path("responseId").asText("");
            sink.start(id.isEmpty() ? null : "msg_" + id, response.path("modelVersion").asText(null),
                    usage.inputTokens(), usage.cacheReadInputTokens());
        }
        sink.usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens());
        String blocked = response.path("promptFeedback").path("blockReason").asText("");
        if (!blocked.isEmpty()) {
            blockReason = blocked;
        }
        JsonNode candidate = response.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            part(part);
        }
        sources.collect(candidate.path("groundingMetadata"));
        String reason = candidate.path("finishReason").asText("");
        if (!reason.isEmpty()) {
            finishReason = reason;
        }
    }

    /** The answer ended: stop reason, usage and the closing events; an answer that never finished is an error. */
    byte[] finish() {
        if (blockReason != null) {
            // the prompt itself was refused: there is no candidate, and nothing more will come
            sink.stopReason("refusal");
            return sink.finish();
        }
        if (finishReason == null) {
            throw new RouterException(ErrorType.API, 502,
                    "The provider's answer ended before it was complete", null, null);
        }
        String stopReason = GeminiFinishReason.stopReason(finishReason, calledTools);
        sources.emit(sink);
        sink.stopReason(stopReason);
        return sink.finish();
    }

    private void part(JsonNode part) {
        String signature = part.path("thoughtSignature").asText("");
        if (part.path("thought").asBoolean(false)) {
            thinking(part.path("text").asText(""));
            if (!signature.isEmpty()) {
                sign(signature);
            }
            return;
        }
        if (!signature.isEmpty()) {
            sign(signature); // before the part it belongs to, so that it goes back on that part
        }
        if (part.has("functionCall")) {
            JsonNode call = part.get("functionCall");
            String id = call.path("id").asText("");
            sink.toolUseStart(id.isEmpty() ? toolIds.get() : id, call.path("name").asText());
            JsonNode args = call.path("args");
            sink.toolInputDelta(Json.string(args.isObject() ? args : Json.MAPPER.createObjectNode()));
            moveTo(Block.TOOL);
            calledTools = true;
        } else if (!part.path("text").asText("").isEmpty()) {
            sink.text(part.get("text").asText());
            moveTo(Block.TEXT);
        }
        // inlineData (generated images), executableCode and codeExecutionResult have no Anthropic block
    }

    private void thinking(String text) {
        if (!text.isEmpty()) {
            sink.thinking(text);
            moveTo(Block.THINKING);
        }
    }

    private void sign(String signature) {
        if (current == Block.THINKING && currentThinkingSigned) {
            // the sink would append this one to the open block's signature and spoil both; Gemini puts one
            // signature per step, so a second in a row is not expected
            return;
        }
        sink.thinkingSignature(ThoughtSignatures.toClient(signature));
        moveTo(Block.THINKING);
        currentThinkingSigned = true;
    }

    private void moveTo(Block block) {
        if (block != current) {
            current = block;
            currentThinkingSigned = false;
        }
    }
}
