package dev.ccr.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.stream.SseParser;
import dev.ccr.stream.StreamTranslator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Context scaling: the client is told its input tokens multiplied by a factor ({@code 200000 / window} for a model
 * whose window is smaller than the 200k Claude Code assumes), so Claude Code's auto-compaction starts when the real
 * window is as full as it would be for a Claude model. Rewrites input_tokens, cache_read_input_tokens and
 * cache_creation_input_tokens in message_start and message_delta events, or in a whole message; everything else
 * passes unchanged. The request log and /stats keep the real counts (the request record divides by the same factor).
 */
public final class ScaledInputTokens implements StreamTranslator {
    private static final String[] INPUT_FIELDS = {"input_tokens", "cache_read_input_tokens",
            "cache_creation_input_tokens"};

    private final StreamTranslator inner;
    private final double factor;
    private final SseParser parser;
    private final ByteArrayOutputStream whole;

    /** @param sse whether the client receives events (else one JSON message, rewritten when complete) */
    public ScaledInputTokens(StreamTranslator inner, double factor, boolean sse) {
        this.inner = inner;
        this.factor = factor;
        this.parser = sse ? new SseParser() : null;
        this.whole = sse ? null : new ByteArrayOutputStream();
    }

    @Override
    public byte[] translate(ByteBuffer chunk) {
        return scale(inner.translate(chunk), false);
    }

    @Override
    public byte[] finish() {
        return scale(inner.finish(), true);
    }

    private byte[] scale(byte[] out, boolean last) {
        if (parser == null) {
            whole.writeBytes(out);
            if (!last) {
                return NOTHING;
            }
            return rewriteMessage(whole.toByteArray());
        }
        List<SseParser.Event> events = parser.feed(out);
        if (last) {
            events = new java.util.ArrayList<>(events);
            events.addAll(parser.finish());
        }
        if (events.isEmpty()) {
            return NOTHING;
        }
        StringBuilder text = new StringBuilder();
        for (SseParser.Event event : events) {
            String data = event.data();
            if ("message_start".equals(event.name()) || "message_delta".equals(event.name())) {
                data = rewriteEvent(event.name(), data);
            }
            if (event.name() != null) {
                text.append("event: ").append(event.name()).append('\n');
            }
            for (String line : data.split("\n", -1)) {
                text.append("data: ").append(line).append('\n');
            }
            text.append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String rewriteEvent(String name, String data) {
        try {
            JsonNode event = Json.parse(data);
            JsonNode usage = "message_start".equals(name) ? event.path("message").path("usage") : event.path("usage");
            if (usage instanceof ObjectNode fields) {
                scaleFields(fields);
                return Json.string(event);
            }
        } catch (IOException e) {
            // not JSON: pass it on as it is
        }
        return data;
    }

    private byte[] rewriteMessage(byte[] body) {
        try {
            JsonNode message = Json.parse(body);
            if (message.path("usage") instanceof ObjectNode fields) {
                scaleFields(fields);
                return Json.bytes(message);
            }
        } catch (IOException e) {
            // not JSON (an error body): pass it on as it is
        }
        return body;
    }

    private void scaleFields(ObjectNode usage) {
        for (String field : INPUT_FIELDS) {
            if (usage.path(field).isIntegralNumber()) {
                usage.put(field, Math.round(usage.get(field).longValue() * factor));
            }
        }
    }
}
