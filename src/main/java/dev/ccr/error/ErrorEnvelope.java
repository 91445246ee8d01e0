package dev.ccr.error;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.nio.charset.StandardCharsets;

/** Anthropic's error body: {@code {"type":"error","error":{"type":…,"message":…}}}, as JSON and as an SSE event. */
public final class ErrorEnvelope {
    private ErrorEnvelope() {
    }

    public static byte[] json(String errorType, String message) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("type", "error");
        ObjectNode error = root.putObject("error");
        error.put("type", errorType);
        error.put("message", message);
        return Json.bytes(root);
    }

    public static byte[] json(RouterException e) {
        return json(e.type().wireName(), e.getMessage());
    }

    /** The {@code event: error} that ends a stream which broke after its first byte. */
    public static byte[] sseEvent(String errorType, String message) {
        String data = new String(json(errorType, message), StandardCharsets.UTF_8);
        return ("event: error\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
