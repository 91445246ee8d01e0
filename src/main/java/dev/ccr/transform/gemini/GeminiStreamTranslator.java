package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.stream.SseParser;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.stream.StreamTranslator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A {@code streamGenerateContent?alt=sse} answer as Anthropic output, piece by piece: every {@code data:} event is
 * one GenerateContentResponse chunk. Gemini sends no end marker, so the message ends with the body.
 */
final class GeminiStreamTranslator implements StreamTranslator {
    private final SseParser parser = new SseParser();
    private final AnthropicSink sink;
    private final GeminiResponseHandler handler;

    GeminiStreamTranslator(AnthropicSink sink, GeminiResponseHandler handler) {
        this.sink = sink;
        this.handler = handler;
    }

    @Override
    public byte[] translate(ByteBuffer chunk) {
        handle(parser.feed(chunk));
        return sink.drain();
    }

    @Override
    public byte[] finish() {
        handle(parser.finish());
        return handler.finish();
    }

    private void handle(List<SseParser.Event> events) {
        for (SseParser.Event event : events) {
            String data = event.data().strip();
            if (!data.isEmpty() && !data.equals("[DONE]")) {
                handler.accept(parse(data));
            }
        }
    }

    static JsonNode parse(String data) {
        try {
            return Json.parse(data);
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502, "The provider sent a stream event that is not JSON", null,
                    e);
        }
    }
}
