package dev.ccr.provider;

import java.util.Map;

/**
 * One HTTP call to a provider, in the provider's own format, without credentials: the provider layer adds those.
 *
 * @param path      the path and query below the provider's base URL, starting with '/'
 * @param headers   protocol headers (content type, API version…); never authentication
 * @param payload   the request body, as bytes or as JSON serialised while it is sent
 * @param streaming whether the provider will answer with a stream
 */
public record UpstreamRequest(String path, Map<String, String> headers, UpstreamBody payload, boolean streaming) {

    public UpstreamRequest(String path, Map<String, String> headers, byte[] body, boolean streaming) {
        this(path, headers, UpstreamBody.of(body), streaming);
    }

    /** The whole body as bytes (serialised now when it is kept as JSON). */
    public byte[] body() {
        return payload.bytes();
    }
}
