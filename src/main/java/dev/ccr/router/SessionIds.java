package dev.ccr.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.IOException;

/**
 * Finds Claude Code's session id: the {@code X-Claude-Code-Session-Id} header, else {@code metadata.user_id} — a JSON
 * string with {@code session_id} today, {@code user_<hash>_account__session_<uuid>} in older clients.
 */
public final class SessionIds {
    private static final String OLD_MARKER = "_session_";

    private SessionIds() {
    }

    public static String find(String header, JsonNode body) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        JsonNode userId = body.path("metadata").path("user_id");
        if (!userId.isTextual()) {
            return null;
        }
        String text = userId.asText();
        if (text.startsWith("{")) {
            try {
                JsonNode session = Json.parse(text).path("session_id");
                return session.isTextual() && !session.asText().isBlank() ? session.asText() : null;
            } catch (IOException e) {
                return null;
            }
        }
        int at = text.lastIndexOf(OLD_MARKER);
        return at >= 0 && at + OLD_MARKER.length() < text.length() ? text.substring(at + OLD_MARKER.length()) : null;
    }
}
