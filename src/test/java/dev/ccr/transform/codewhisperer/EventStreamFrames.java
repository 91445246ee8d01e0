package dev.ccr.transform.codewhisperer;

import dev.ccr.json.Json;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/** Test-side encoder of AWS event-stream frames, with real CRCs, written from the format's description. */
public final class EventStreamFrames {
    private EventStreamFrames() {
    }

    public static byte[] frame(Map<String, String> headers, byte[] payload) {
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        headers.forEach((name, value) -> {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] v = value.getBytes(StandardCharsets.UTF_8);
            h.write(n.length);
            h.writeBytes(n);
            h.write(7);
            h.write(v.length >> 8);
            h.write(v.length & 0xff);
            h.writeBytes(v);
        });
        return frameWithRawHeaders(h.toByteArray(), payload);
    }

    public static byte[] frameWithRawHeaders(byte[] headers, byte[] payload) {
        int total = 12 + headers.length + payload.length + 4;
        ByteBuffer b = ByteBuffer.allocate(total);
        b.putInt(total).putInt(headers.length);
        b.putInt((int) crc(b.array(), 0, 8));
        b.put(headers).put(payload);
        b.putInt((int) crc(b.array(), 0, total - 4));
        return b.array();
    }

    public static byte[] event(String eventType, Object payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", "event");
        headers.put(":event-type", eventType);
        headers.put(":content-type", "application/json");
        return frame(headers, Json.bytes(payload));
    }

    public static byte[] exception(String exceptionType, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", "exception");
        headers.put(":exception-type", exceptionType);
        headers.put(":content-type", "application/json");
        return frame(headers, Json.bytes(Map.of("message", message)));
    }

    public static byte[] error(String code, String message) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":message-type", "error");
        headers.put(":error-code", code);
        headers.put(":error-message", message);
        return frame(headers, new byte[0]);
    }

    public static byte[] concat(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }

    static long crc(byte[] bytes, int from, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, length);
        return crc.getValue();
    }
}
