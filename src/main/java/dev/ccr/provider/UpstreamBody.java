package dev.ccr.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

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
    /** How much of a streamed body is serialised at a time. */
    private static final int CHUNK = 16 * 1024;

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
     * What the HTTP client sends, produced as the socket takes it: the bytes as they are (no copy of a 20 MiB
     * request), or the JSON tree serialised a chunk at a time.
     */
    Flux<ByteBuf> content() {
        if (bytes != null) {
            return Flux.defer(() -> Flux.just(Unpooled.wrappedBuffer(bytes)));
        }
        return Flux.generate(() -> new JsonBodyStream(json), (in, sink) -> {
            try {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    sink.complete();
                } else {
                    sink.next(Unpooled.wrappedBuffer(chunk));
                }
            } catch (IOException e) {
                sink.error(e);
            }
            return in;
        }, UpstreamBody::closeQuietly);
    }

    /** Only the serialiser's own buffers are released: nothing can be lost by a failed close. */
    private static void closeQuietly(JsonBodyStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: the stream holds no file or socket
        }
    }

    /** The length of what {@link #content()} produces (HTTP/1.1 needs it before the body). */
    long length() {
        return bytes != null ? bytes.length : serialisedLength();
    }

    private long serialisedLength() {
        try (JsonBodyStream counted = new JsonBodyStream(json)) {
            return counted.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
