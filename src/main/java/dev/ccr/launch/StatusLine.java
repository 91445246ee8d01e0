package dev.ccr.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * {@code statusline}: Claude Code's {@code statusLine} command. Claude Code writes the session's JSON (with
 * {@code session_id}) to its standard input; this prints one line with what the router chose for the session's last
 * request — provider, model, category — and the session's tokens and errors, read from
 * {@code GET /stats/sessions/<id>}. It always prints something and never fails the status line.
 */
final class StatusLine {
    private StatusLine() {
    }

    static String render(String stdin, RouterProbe probe) {
        String session;
        try {
            session = Json.parse(stdin.isBlank() ? "{}" : stdin).path("session_id").asText("");
        } catch (IOException e) {
            return "ccr: no session JSON on stdin";
        }
        if (session.isEmpty()) {
            return "ccr: no session_id on stdin";
        }
        HttpResponse<String> response;
        try {
            response = probe.get("/stats/sessions/" + session.replaceAll("[^A-Za-z0-9_-]", "_"));
        } catch (IOException e) {
            return "ccr: router not reachable";
        }
        if (response.statusCode() == 404) {
            return "ccr: no request yet";
        }
        if (response.statusCode() != 200) {
            return "ccr: router answered " + response.statusCode();
        }
        try {
            return line(Json.parse(response.body()));
        } catch (IOException e) {
            return "ccr: unreadable answer";
        }
    }

    static String line(JsonNode stats) {
        JsonNode last = stats.path("last");
        long errors = stats.path("errors").asLong();
        return "ccr " + last.path("provider").asText("?") + "," + last.path("model").asText("?")
                + " · " + last.path("category").asText("?")
                + " · " + stats.path("requests").asLong() + " req"
                + " · in " + tokens(stats.path("inputTokens").asLong())
                + " out " + tokens(stats.path("outputTokens").asLong())
                + " · " + errors + (errors == 1 ? " error" : " errors")
                + (last.path("status").asInt() >= 400 ? " (last " + last.path("status").asInt() + ")" : "");
    }

    static String tokens(long n) {
        return n < 1000 ? Long.toString(n)
                : n < 1_000_000 ? String.format(Locale.ROOT, "%.1fk", n / 1000.0)
                : String.format(Locale.ROOT, "%.1fM", n / 1_000_000.0);
    }
}
