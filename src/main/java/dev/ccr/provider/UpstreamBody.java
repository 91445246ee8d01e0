package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;

/**
 * The body of a call to a provider: bytes, or a JSON tree that is serialised as the socket takes it. A large request
 * is kept as its parsed tree only (see {@code MessagesRequest}); serialising it into one array for the call would put
 * a second copy on the heap for as long as the call waits for its answer. Instead the tree is serialised twice when
 * it is sent — once only to count its bytes, as HTTP/1.1 needs the Content-Length first, once into the socket a few
 * kilobytes at a time — and nothing of it stays referenced after the upload. Every send (a failover attempt, a retry
 * after a refreshed credential) serialises it again.
 */
public final class UpstreamBody {
    /**
     * Below this size a tree is serialised once into bytes: the copy is small, and one serialisation costs less CPU
     * than the two a streamed body needs.
     */
    static final int STREAMED_FROM = 1024 * 1024;

    private final byte[] bytes;
    private final JsonNode json;

    private UpstreamBody(byte[] bytes, JsonNode json) {
        this.bytes = bytes;
        this.json = json;
    }

    public static UpstreamBody of(byte[] bytes) {
        return new UpstreamBody(bytes, null);
    }

    /**
     * A JSON body, serialised when it is sent (or at once when {@code expectedBytes}, e.g. the size of the client's
     * request it comes from, is small). The tree must not change afterwards.
     */
    public static UpstreamBody json(JsonNode tree, long expectedBytes) {
        return expectedBytes < STREAMED_FROM ? of(Json.bytes(tree)) : new UpstreamBody(null, tree);
    }

    /** The whole body as bytes; a streamed body is serialised for the caller. */
    public byte[] bytes() {
        return bytes != null ? bytes : Json.bytes(json);
    }

    /** A copy of the body's JSON that the caller may change, or null when the body is not a JSON object. */
    public ObjectNode copyOfJson() {
        try {
            JsonNode tree = json != null ? json.deepCopy() : Json.parse(bytes);
            return tree instanceof ObjectNode object ? object : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What the HTTP client sends, read as the socket takes it. {@code ofByteArray} would copy the bytes into buffers
     * of its own (a second copy of a 20 MiB request for as long as the call lasts).
     */
    HttpRequest.BodyPublisher publisher() {
        if (bytes != null) {
            return HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)), bytes.length);
        }
        return HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new JsonBodyStream(json)), serialisedLength());
    }

    private long serialisedLength() {
        try (JsonBodyStream counted = new JsonBodyStream(json)) {
            return counted.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
