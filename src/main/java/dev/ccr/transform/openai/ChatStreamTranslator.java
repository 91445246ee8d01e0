package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.stream.SseParser;
import dev.ccr.transform.AnthropicSink;
import dev.ccr.stream.StreamTranslator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * An OpenAI chat completions stream (SSE, {@code data: {chunk}} … {@code data: [DONE]}) as Anthropic output, piece by
 * piece. The message ends at {@code [DONE]}, or at the end of the body for servers that never send it; a body that
 * ends with neither [DONE] nor a finish_reason was cut off and is reported as an error instead of passing for a
 * complete answer.
 */
final class ChatStreamTranslator implements StreamTranslator {
    static final String DONE = "[DONE]";

    private final SseParser parser = new SseParser();
    private final AnthropicSink sink;
    private final ChatChunkHandler handler;
    private boolean done;
    private byte[] tail;

    ChatStreamTranslator(AnthropicSink sink) {
        this.sink = sink;
        this.handler = new ChatChunkHandler(sink);
    }

    @Override
    public byte[] translate(ByteBuffer chunk) {
        return handle(parser.feed(chunk));
    }

    @Override
    public byte[] finish() {
        byte[] last = handle(parser.finish());
        if (done) {
            return last;
        }
        if (!handler.sawFinishReason()) {
            throw new RouterException(ErrorType.API, 502,
                    "The provider's stream ended before the answer was complete", null, null);
        }
        return concat(last, handler.finish());
    }

    private byte[] handle(List<SseParser.Event> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (SseParser.Event event : events) {
            if (done) {
                break; // nothing after [DONE] belongs to the answer
            }
            String data = event.data().strip();
            if (data.equals(DONE)) {
                done = true;
                out.writeBytes(handler.finish());
            } else if (!data.isEmpty()) {
                handler.accept(parse(data));
            }
        }
        out.writeBytes(sink.drain());
        return out.toByteArray();
    }

    private static JsonNode parse(String data) {
        try {
            return Json.parse(data);
        } catch (IOException e) {
            throw new RouterException(ErrorType.API, 502, "The provider sent a stream event that is not JSON", null,
                    e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
