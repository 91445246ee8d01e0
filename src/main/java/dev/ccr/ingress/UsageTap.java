package dev.ccr.ingress;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.request.RequestRecord;
import dev.ccr.stream.SseParser;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads token usage from what the client receives — Anthropic's format whatever the provider — without changing it:
 * message_start and message_delta events of a stream, or the usage of a whole message. Only those two events are
 * parsed; of the others only the name is read, so a relayed event costs a scan for line ends and no copy of its data.
 */
final class UsageTap {
    private final RequestRecord record;
    private static final int WHOLE_BODY_LIMIT = 1 << 20;
    private static final java.util.Set<String> USAGE_EVENTS = java.util.Set.of("message_start", "message_delta");
    private final SseParser parser;
    private final java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();

    UsageTap(RequestRecord record, boolean sse) {
        this.record = record;
        this.parser = sse ? new SseParser(USAGE_EVENTS) : null;
    }

    void observe(byte[] clientBytes) {
        if (parser == null) {
            if (whole.size() + clientBytes.length <= WHOLE_BODY_LIMIT) {
                whole.writeBytes(clientBytes);
            }
            return;
        }
        for (SseParser.Event event : parser.feed(ByteBuffer.wrap(clientBytes))) {
            if ("message_start".equals(event.name())) {
                read(parse(event.data()).path("message").path("usage"));
            } else if ("message_delta".equals(event.name())) {
                read(parse(event.data()).path("usage"));
            }
        }
    }

    /** The answer is complete: a whole (non-streamed) message is read now. */
    void complete() {
        if (parser == null && whole.size() > 0) {
            read(parse(whole.toByteArray()).path("usage"));
        }
    }

    private void read(JsonNode usage) {
        long cache = usage.path("cache_read_input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0);
        record.usage(usage.path("input_tokens").asLong(0) + cache, usage.path("output_tokens").asLong(0));
        record.cacheUsage(cache);
    }

    private static JsonNode parse(String data) {
        try {
            return Json.parse(data);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }

    private static JsonNode parse(byte[] data) {
        try {
            return Json.parse(data);
        } catch (IOException e) {
            return Json.MAPPER.missingNode();
        }
    }
}
