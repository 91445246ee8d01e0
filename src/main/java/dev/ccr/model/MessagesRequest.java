package dev.ccr.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A validated Anthropic Messages request as the client sent it. The body is shared by every layer and every
 * failover attempt, so nobody may change it: a transformer that needs another shape works on {@link #copyOfBody()}.
 *
 * @param body          the parsed request body
 * @param rawBody       the bytes the client sent, forwarded unchanged where the protocol allows
 * @param clientHeaders the client headers a provider may need (anthropic-version, anthropic-beta), lower-case names
 * @param sessionId     Claude Code's session id, or null
 */
public record MessagesRequest(ObjectNode body, byte[] rawBody, Map<String, String> clientHeaders, String sessionId) {

    public String model() {
        return body.path("model").asText();
    }

    public boolean stream() {
        return body.path("stream").asBoolean(false);
    }

    public int maxTokens() {
        return body.path("max_tokens").asInt();
    }

    public JsonNode messages() {
        return body.path("messages");
    }

    public JsonNode system() {
        return body.path("system");
    }

    public JsonNode tools() {
        return body.path("tools");
    }

    public ObjectNode copyOfBody() {
        return body.deepCopy();
    }

    public String header(String lowerCaseName) {
        return clientHeaders.get(lowerCaseName);
    }

    /** The same request with another body, e.g. with a routing tag removed before it goes upstream. */
    public MessagesRequest withBody(ObjectNode newBody, byte[] newRawBody) {
        return new MessagesRequest(newBody, newRawBody, clientHeaders, sessionId);
    }
}
