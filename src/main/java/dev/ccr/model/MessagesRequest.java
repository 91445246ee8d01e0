package dev.ccr.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * A validated Anthropic Messages request as the client sent it. The body is shared by every layer and every
 * failover attempt, so nobody may change it: a transformer that needs another shape works on {@link #copyOfBody()}.
 * <p>
 * Only the parsed body is kept, not the client's bytes: a large request would otherwise sit on the heap twice while
 * it waits for its provider. What the bytes were still needed for is their length, kept as {@code bodyBytes}.
 * <p>
 * Its input tokens are counted once and kept ({@link #inputTokens}): classification, the context-window check and the
 * input estimate of a translated stream's message_start all ask, and a long conversation takes a while to count.
 */
public final class MessagesRequest {
    private static final int NOT_COUNTED = -1;

    private final ObjectNode body;
    private final int bodyBytes;
    private final Map<String, String> clientHeaders;
    private final String sessionId;
    /** A race only counts twice and stores the same number. */
    private volatile int inputTokens = NOT_COUNTED;

    /**
     * @param body          the parsed request body
     * @param bodyBytes     the size of the body as the client sent it: every cl100k token covers at least one of its
     *                      bytes, so it bounds the tokens of this body and of any body made from it by removing parts
     * @param clientHeaders the client headers a provider may need (anthropic-version, anthropic-beta), lower-case names
     * @param sessionId     Claude Code's session id, or null
     */
    public MessagesRequest(ObjectNode body, int bodyBytes, Map<String, String> clientHeaders, String sessionId) {
        this.body = body;
        this.bodyBytes = bodyBytes;
        this.clientHeaders = clientHeaders;
        this.sessionId = sessionId;
    }

    public ObjectNode body() {
        return body;
    }

    public int bodyBytes() {
        return bodyBytes;
    }

    public Map<String, String> clientHeaders() {
        return clientHeaders;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The body's input tokens by {@code counter}, counted on first use (always the same counter: the router's). */
    public int inputTokens(ToIntFunction<JsonNode> counter) {
        int counted = inputTokens;
        if (counted == NOT_COUNTED) {
            counted = counter.applyAsInt(body);
            inputTokens = counted;
        }
        return counted;
    }

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

    /**
     * The same request with another body, e.g. with a routing tag removed before it goes upstream. The client's size
     * is kept: the changes made (a tag, parameters or thinking removed, a limit lowered) never make a body larger in
     * tokens, so it stays a valid bound.
     */
    public MessagesRequest withBody(ObjectNode newBody) {
        return new MessagesRequest(newBody, bodyBytes, clientHeaders, sessionId);
    }
}
