package dev.ccr.transform.codewhisperer;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.stream.StreamTranslator;

import java.nio.ByteBuffer;

/**
 * CodeWhisperer's binary event stream in, Anthropic out: frames are decoded as bytes arrive and each event goes to the
 * sink at once, so a streaming client sees text as Kiro writes it. A non-streaming client's sink (the assembler)
 * keeps everything until {@link #finish()}.
 */
final class EventStreamTranslator implements StreamTranslator {
    private final EventStreamDecoder decoder = new EventStreamDecoder();
    private final AnthropicSink sink;
    private final CodeWhispererEventHandler events;

    EventStreamTranslator(AnthropicSink sink, ShortToolNames toolNames, long contextWindowTokens) {
        this.sink = sink;
        this.events = new CodeWhispererEventHandler(sink, toolNames, contextWindowTokens);
    }

    @Override
    public byte[] translate(ByteBuffer chunk) {
        decoder.feed(chunk).forEach(events::accept);
        return sink.drain();
    }

    @Override
    public byte[] finish() {
        if (decoder.hasPartialFrame()) {
            throw new RouterException(ErrorType.API, 502,
                    "The CodeWhisperer provider's answer ended in the middle of an event", null, null);
        }
        events.finish();
        return sink.finish();
    }
}
