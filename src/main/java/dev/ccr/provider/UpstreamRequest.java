package dev.ccr.provider;

import java.util.Map;

/**
 * One HTTP call to a provider, in the provider's own format, without credentials: the provider layer adds those.
 *
 * @param path      the path and query below the provider's base URL, starting with '/'
 * @param headers   protocol headers (content type, API version…); never authentication
 * @param body      the request body
 * @param streaming whether the provider will answer with a stream
 */
public record UpstreamRequest(String path, Map<String, String> headers, byte[] body, boolean streaming) {
}
