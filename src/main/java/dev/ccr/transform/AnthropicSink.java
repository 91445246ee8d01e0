package dev.ccr.transform;

import dev.ccr.tokens.TokenCounter;

/**
 * What a protocol translator says about a provider's answer, in Anthropic's terms. Translators parse their provider's
 * format and call these in the order things happen; {@link AnthropicSseWriter} turns the calls into Anthropic SSE
 * events, {@link AnthropicMessageAssembler} into one Anthropic message. Block bookkeeping (indices, starting and
 * stopping blocks, message_start before anything) is the sink's job, not the translator's.
 */
public interface AnthropicSink {

    /** The message begins. May be called late or not at all: the first other call starts it with what is known. */
    void start(String messageId, String model, long inputTokens, long cacheReadInputTokens);

    void thinking(String text);

    /** The signature of the current thinking block. */
    void thinkingSignature(String signature);

    void text(String text);

    /** A tool call begins; its input follows as JSON fragments. */
    void toolUseStart(String id, String name);

    /** A fragment of the current tool call's input JSON. */
    void toolInputDelta(String partialJson);

    /** Token usage as far as known; later calls overwrite earlier ones. */
    void usage(long inputTokens, long outputTokens, long cacheReadInputTokens);

    /** Why the model stopped: end_turn, max_tokens, tool_use, stop_sequence, refusal. */
    void stopReason(String stopReason);

    /**
     * The answer is complete: closes the open block, sends message_delta (stop reason and usage) and message_stop.
     * Returns what is left to send. Idempotent.
     */
    byte[] finish();

    /** Takes what is ready to send since the last call (SSE bytes, or nothing for an assembler until finish). */
    byte[] drain();

    /**
     * The sink a client's request calls for: SSE events when it streams (message_start carries the request's counted
     * input tokens until the provider says better, the count count_tokens gives), one message otherwise.
     */
    static AnthropicSink forRequest(dev.ccr.model.MessagesRequest request) {
        return request.stream()
                ? new AnthropicSseWriter(request.model(), () -> request.inputTokens(TokenCounter.shared()::count))
                : new AnthropicMessageAssembler(request.model());
    }
}
