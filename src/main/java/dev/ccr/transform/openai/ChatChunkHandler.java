package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;

/**
 * Applies an OpenAI answer to an {@link AnthropicSink}: the chunks of a stream one by one, or a whole (non-streamed)
 * completion as if it were one chunk whose {@code message} is the delta. Only the first choice is used (the router
 * never asks for more).
 * <ul>
 * <li>{@code reasoning_content} (DeepSeek) or {@code reasoning} (OpenRouter) → thinking;</li>
 * <li>{@code content}, and a {@code refusal} text → text;</li>
 * <li>{@code tool_calls} → tool_use blocks, complete and repaired (see {@link ToolCallBuffer});</li>
 * <li>{@code finish_reason} → stop reason; {@code usage} wherever it comes (every chunk, the finishing chunk, or a
 * trailing chunk with no choices) → usage. The message ends only at {@link #finish()}, so trailing usage counts;</li>
 * <li>an {@code error} object, or finish_reason "error" → {@link RouterException}.</li>
 * </ul>
 * Fields it does not know are ignored.
 */
final class ChatChunkHandler {
    private final AnthropicSink sink;
    private final ToolCallBuffer toolCalls = new ToolCallBuffer();
    private boolean started;
    private String finishReason;
    private ChatUsage usage;

    ChatChunkHandler(AnthropicSink sink) {
        this.sink = sink;
    }

    /** One chunk of a stream ({@code delta}) or a whole completion ({@code message}). */
    void accept(JsonNode chunk) {
        if (chunk.hasNonNull("error")) {
            throw OpenAiStreamError.of(chunk.get("error"));
        }
        ChatUsage chunkUsage = ChatUsage.of(chunk.get("usage"));
        if (chunkUsage != null) {
            usage = chunkUsage;
        }
        if (!started) {
            started = true;
            // message_start goes out at once so the client sees the answer begin; input tokens are only known here
            // when the provider sends usage early, otherwise message_delta carries them
            sink.start(null, null, usage == null ? 0 : usage.inputTokens(),
                    usage == null ? 0 : usage.cacheReadInputTokens());
        }
        JsonNode choice = chunk.path("choices").path(0);
        if (choice.isMissingNode()) {
            return;
        }
        JsonNode delta = choice.has("delta") ? choice.path("delta") : choice.path("message");
        sink.thinking(reasoning(delta));
        sink.text(text(delta.path("content")));
        sink.text(text(delta.path("refusal")));
        if (delta.path("tool_calls").isArray()) {
            toolCalls.accept(delta.get("tool_calls"));
        }
        String finish = choice.path("finish_reason").asText(null);
        if (finish != null && !finish.isBlank()) {
            if (finish.equals("error")) {
                throw new RouterException(ErrorType.API, 502, "The provider ended the answer with an error", null,
                        null);
            }
            finishReason = finish;
            // the calls are complete now; sending them here keeps them ahead of a trailing usage chunk's wait
            toolCalls.flushTo(sink);
        }
    }

    /** Whether the provider said why it stopped. */
    boolean sawFinishReason() {
        return finishReason != null;
    }

    /** The answer is complete: tool calls, stop reason and usage go to the sink, which closes the message. */
    byte[] finish() {
        boolean calledTools = !toolCalls.isEmpty();
        toolCalls.flushTo(sink);
        if (usage != null) {
            sink.usage(usage.inputTokens(), usage.outputTokens(), usage.cacheReadInputTokens());
        }
        sink.stopReason(FinishReason.toStopReason(finishReason, calledTools));
        return sink.finish();
    }

    private static String reasoning(JsonNode delta) {
        // some servers send both names with the same text: take one
        String text = text(delta.path("reasoning_content"));
        return text != null ? text : text(delta.path("reasoning"));
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
