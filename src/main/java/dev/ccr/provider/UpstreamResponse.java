package dev.ccr.provider;

import dev.ccr.stream.Discard;

import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * A successful provider answer whose head has arrived and whose body is still on its way: the body is read at the
 * pace the client takes it. Whoever holds it must subscribe to the body or {@link #discard()} it.
 */
public record UpstreamResponse(int status, HttpHeaders headers, Flow.Publisher<List<ByteBuffer>> body) {

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** Releases the connection of a body nobody will read. */
    public void discard() {
        Discard.body(body);
    }
}
