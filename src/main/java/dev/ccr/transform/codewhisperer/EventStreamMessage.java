package dev.ccr.transform.codewhisperer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One decoded frame of an AWS binary event stream.
 *
 * @param headers the frame's headers by name; string headers (all Kiro sends) as {@link String}, the other types as
 *                Boolean, Byte, Short, Integer, Long, byte[], java.time.Instant or java.util.UUID
 * @param payload the frame's payload, for Kiro a JSON document
 */
public record EventStreamMessage(Map<String, Object> headers, byte[] payload) {

    /** A header's value as text, or null when absent. */
    public String header(String name) {
        Object value = headers.get(name);
        return value == null ? null : value.toString();
    }

    /** {@code :message-type}: event, error or exception. */
    public String messageType() {
        return header(":message-type");
    }

    /** {@code :event-type}, e.g. assistantResponseEvent. */
    public String eventType() {
        return header(":event-type");
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
