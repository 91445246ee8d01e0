package dev.ccr.testing;

import dev.ccr.CamelCodeRouter;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real router, started the way {@code java -jar} starts it (Camel Main, config/application.properties, the YAML
 * route files), on a free loopback port, with test-specific properties layered on top.
 */
public final class RouterHarness implements AutoCloseable {
    private final Main main;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RouterHarness(Main main, int port) {
        this.main = main;
        this.port = port;
    }

    public static RouterHarness start(Map<String, String> properties) {
        return start(CamelCodeRouter.DEFAULT_CONFIG, properties);
    }

    public static RouterHarness start(String configFile, Map<String, String> properties) {
        int port = freePort();
        Map<String, String> all = new HashMap<>();
        all.put("ccr.port", Integer.toString(port));
        all.put("ccr.routes.reload", "false");
        // never read or write a developer's own run-time overrides
        all.put("ccr.admin.overrides-file", tempOverridesFile());
        all.putAll(properties);
        Main main = CamelCodeRouter.createMain(configFile, all);
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("router did not start: " + e.getMessage(), e);
        }
        return new RouterHarness(main, port);
    }

    private static String tempOverridesFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ccr-overrides");
            dir.toFile().deleteOnExit();
            return dir.resolve("routing-overrides.json").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** The run-time status of the providers (breakers, pauses, in-flight counts). */
    public dev.ccr.router.ProviderStatusBoard providers() {
        return context().getRegistry().lookupByNameAndType("providerStatusBoard", dev.ccr.router.ProviderStatusBoard.class);
    }

    /** Puts every provider back as at startup: breakers closed, no retry-after pause. */
    public void resetProviders() {
        providers().all().forEach(status -> {
            status.resume();
            status.setEnabled(true);
            status.breaker().reset();
        });
    }

    public HttpClient client() {
        return client;
    }

    public HttpResponse<String> post(String path, String json, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
