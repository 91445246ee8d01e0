package dev.ccr.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Small authenticated GETs to a running router: is it up, and what does it say about a session. */
final class RouterProbe {
    private final RouterAddress address;
    private final HttpClient http;
    private final Duration timeout;

    RouterProbe(RouterAddress address, Duration timeout) {
        this.address = address;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** True when the router answers {@code GET /health} with 200. */
    boolean up() {
        try {
            return get("/health").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    HttpResponse<String> get(String path) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address.baseUrl() + path)).timeout(timeout).GET();
        if (address.key() != null) {
            request.header("x-api-key", address.key());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
