package dev.ccr.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Requests recorded from the real Claude Code CLI, and responses it accepted (src/test/resources/captures). */
public final class Captures {
    private Captures() {
    }

    public static String text(String name) {
        try (InputStream in = Captures.class.getResourceAsStream("/captures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no capture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole capture file: method, path, headers, body. */
    public static JsonNode request(String name) {
        try {
            return Json.parse(text(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request body Claude Code sent. */
    public static ObjectNode body(String name) {
        return (ObjectNode) request(name).get("body");
    }

    /** The body of a recorded raw HTTP answer (mock_response_*.txt): everything after the blank line. */
    public static String responseBody(String name) {
        String raw = text(name).replace("\r\n", "\n");
        return raw.substring(raw.indexOf("\n\n") + 2);
    }
}
