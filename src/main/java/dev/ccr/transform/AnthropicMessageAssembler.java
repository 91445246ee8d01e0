package dev.ccr.transform;

import dev.ccr.stream.StreamTranslator;
import dev.ccr.json.Json;
import dev.ccr.stream.SseParser;

/**
 * A sink for clients that did not ask for a stream: the same calls as {@link AnthropicSseWriter}, folded into one
 * Anthropic message JSON returned by {@link #finish()}.
 */
public final class AnthropicMessageAssembler implements AnthropicSink {
    private final AnthropicSseWriter writer;
    private final SseParser parser = new SseParser();
    private final AnthropicStreamReducer reducer = new AnthropicStreamReducer();

    public AnthropicMessageAssembler(String requestedModel) {
        this.writer = new AnthropicSseWriter(requestedModel);
    }

    @Override
    public void start(String messageId, String model, long inputTokens, long cacheReadInputTokens) {
        writer.start(messageId, model, inputTokens, cacheReadInputTokens);
    }

    @Override
    public void thinking(String text) {
        writer.thinking(text);
    }

    @Override
    public void thinkingSignature(String signature) {
        writer.thinkingSignature(signature);
    }

    @Override
    public void text(String text) {
        writer.text(text);
    }

    @Override
    public void toolUseStart(String id, String name) {
        writer.toolUseStart(id, name);
    }

    @Override
    public void toolInputDelta(String partialJson) {
        writer.toolInputDelta(partialJson);
    }

    @Override
    public void usage(long inputTokens, long outputTokens, long cacheReadInputTokens) {
        writer.usage(inputTokens, outputTokens, cacheReadInputTokens);
    }

    @Override
    public void stopReason(String stopReason) {
        writer.stopReason(stopReason);
    }

    @Override
    public byte[] finish() {
        parser.feed(writer.finish()).forEach(reducer::accept);
        return Json.bytes(reducer.message());
    }

    @Override
    public byte[] drain() {
        return StreamTranslator.NOTHING;
    }
}
