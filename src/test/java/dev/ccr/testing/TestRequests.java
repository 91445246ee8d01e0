package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.model.MessagesRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Client requests for tests: a body as the client sent it, no client headers. */
public final class TestRequests {
    private TestRequests() {
    }

    public static MessagesRequest request(ObjectNode body, String sessionId) {
        return new MessagesRequest(body, Json.bytes(body).length, Map.of(), sessionId);
    }

    /** Without a session id. */
    public static MessagesRequest request(ObjectNode body) {
        return request(body, null);
    }

    /** This JSON object as the body, without a session id. */
    public static MessagesRequest request(String json) {
        return request((ObjectNode) json(json));
    }

    /** JSON text parsed, failing unchecked. */
    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON bytes parsed, failing unchecked. */
    public static JsonNode json(byte[] bytes) {
        try {
            return Json.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
