package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RawHttp;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #11 item 2: a web page must not drive the router. The router runs as users start it (shipped configuration,
 * no router key, loopback); the requests are what a browser sends under DNS rebinding ({@code Host: evil.example})
 * or from a cross-site page ({@code Origin: http://evil.example}, {@code Content-Type: text/plain}), written to a
 * raw socket because Java's HttpClient will not set those headers.
 */
class CrossSiteRequestsTest {
    static final String MESSAGE = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstream.answeringMessages();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @BeforeEach
    void forgetUpstreamRequests() {
        upstream.received().clear();
    }

    static RawHttp.Response send(String method, String path, String host, Map<String, String> extra, String body)
            throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        if (host != null) {
            headers.put("Host", host);
        }
        headers.putAll(extra);
        return RawHttp.send(router.port(), method, path, headers, body);
    }

    static JsonNode error(RawHttp.Response response) throws Exception {
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).as(response.body()).isEqualTo("error");
        return body.path("error");
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /admin/routing", "GET, /stats", "GET, /metrics", "GET, /health/providers", "GET, /health",
            "GET, /v1/models", "GET, /ui", "GET, /ui/panel.js", "HEAD, /", "GET, /no-such-path",
            "PUT, /admin/routing", "POST, /v1/messages", "POST, /v1/messages/count_tokens"})
    void aForeignHostNameIsRefusedOnEveryEndpoint(String method, String path) throws Exception {
        for (String host : new String[]{"evil.example:" + router.port(), "evil.example"}) {
            boolean withBody = !method.equals("GET") && !method.equals("HEAD");
            RawHttp.Response response = send(method, path, host,
                    withBody ? Map.of("Content-Type", "application/json") : Map.of(),
                    withBody ? (path.startsWith("/v1") ? MESSAGE : "{\"providers\":{\"anthropic\":{\"enabled\":false}}}")
                            : null);

            assertThat(response.status()).as("%s %s with Host %s", method, path, host).isEqualTo(421);
            if (!method.equals("HEAD")) {
                assertThat(error(response).path("type").asText()).isEqualTo("invalid_request_error");
                assertThat(response.body()).doesNotContain("anthropic").doesNotContain("provider-key");
            }
        }
        assertThat(upstream.received()).as("nothing reaches the provider").isEmpty();
        assertThat(router.providers().get("anthropic").enabled()).isTrue();
    }

    /** HTTP/1.1 requires a Host; netty-http itself refuses a request without one (400), before any route. */
    @Test
    void aRequestWithoutHostIsRefused() throws Exception {
        RawHttp.Response response = send("POST", "/v1/messages", null, Map.of("Content-Type", "application/json"),
                MESSAGE);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void aCrossSitePagePostingTextPlainSpendsNothing() throws Exception {
        RawHttp.Response response = send("POST", "/v1/messages", "127.0.0.1:" + router.port(),
                Map.of("Origin", "http://evil.example", "Content-Type", "text/plain"), MESSAGE);

        assertThat(response.status()).isEqualTo(403);
        assertThat(error(response).path("type").asText()).isEqualTo("permission_error");
        assertThat(upstream.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null", "http://127.0.0.1:1", "http://localhost"})
    void aForeignOriginIsRefusedEvenWithAJsonBody(String origin) throws Exception {
        RawHttp.Response response = send("POST", "/v1/messages", "127.0.0.1:" + router.port(),
                Map.of("Origin", origin, "Content-Type", "application/json"), MESSAGE);

        assertThat(response.status()).as(origin).isEqualTo(403);
        assertThat(upstream.received()).isEmpty();
    }

    @Test
    void aForeignOriginCannotReadProviderDetailsEither() throws Exception {
        RawHttp.Response response = send("GET", "/health/providers", "127.0.0.1:" + router.port(),
                Map.of("Origin", "http://evil.example"), null);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("anthropic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
            "application/jsonp", ""})
    void aBodyThatIsNotDeclaredJsonIs415(String contentType) throws Exception {
        RawHttp.Response response = send("POST", "/v1/messages", "127.0.0.1:" + router.port(),
                contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType), MESSAGE);

        assertThat(response.status()).as("'%s'", contentType).isEqualTo(415);
        assertThat(error(response).path("message").asText()).contains("application/json");
        assertThat(upstream.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:%d", "localhost:%d", "LOCALHOST:%d", "[::1]:%d", "127.0.0.1", "localhost:9000"})
    void loopbackNamesWithoutOriginAreServedAsClaudeCodeSendsThem(String hostPattern) throws Exception {
        RawHttp.Response response = send("POST", "/v1/messages", hostPattern.formatted(router.port()),
                Map.of("Content-Type", "application/json; charset=utf-8", "anthropic-version", "2023-06-01"), MESSAGE);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(upstream.received()).hasSize(1);
    }

    @Test
    void thePanelsOwnOriginMayChangeRouting() throws Exception {
        for (String host : new String[]{"127.0.0.1:" + router.port(), "localhost:" + router.port()}) {
            RawHttp.Response response = send("PUT", "/admin/routing", host,
                    Map.of("Origin", "http://" + host, "Content-Type", "application/json"),
                    "{\"providers\":{\"anthropic\":{\"weight\":2}}}");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        send("PUT", "/admin/routing", "127.0.0.1:" + router.port(), Map.of("Content-Type", "application/json"),
                "{\"providers\":{\"anthropic\":{\"weight\":null}}}");
    }

    /** Bound to every interface (a router key is then required), the machine's own names come from configuration. */
    @Test
    void onAllInterfacesOnlyConfiguredNamesAndOriginsAreServed() throws Exception {
        int port = RouterHarness.freePort();
        try (RouterHarness wide = RouterHarness.start(Map.of(
                "ccr.host", "0.0.0.0",
                "ccr.port", Integer.toString(port),
                "ccr.api-key", "router-key-for-cross-site-tests",
                "ccr.allowed-hosts", "router.lan, 192.168.7.7:" + port,
                "ccr.allowed-origins", "https://tools.example/",
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"))) {
            Map<String, String> key = Map.of("x-api-key", "router-key-for-cross-site-tests");
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "router.lan:" + port), null).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "router.lan"), null).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "192.168.7.7:" + port), null).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "192.168.7.7:1"), null).status())
                    .isEqualTo(421);
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "0.0.0.0:" + port), null).status())
                    .isEqualTo(421);
            assertThat(RawHttp.send(port, "GET", "/stats", with(key, "Host", "evil.example:" + port), null).status())
                    .isEqualTo(421);
            Map<String, String> fromTools = with(with(key, "Host", "router.lan:" + port), "Origin", "https://tools.example");
            assertThat(RawHttp.send(port, "GET", "/stats", fromTools, null).status()).isEqualTo(200);
            Map<String, String> fromElsewhere = with(with(key, "Host", "router.lan:" + port), "Origin", "https://evil.example");
            assertThat(RawHttp.send(port, "GET", "/stats", fromElsewhere, null).status()).isEqualTo(403);
        }
    }

    @Test
    void aMalformedAllowListStopsTheStart() {
        assertThatThrownBy(() -> RouterHarness.start(Map.of("ccr.allowed-origins", "*")).close())
                .hasStackTraceContaining("ccr.allowed-origins");
        assertThatThrownBy(() -> RouterHarness.start(Map.of("ccr.allowed-hosts", "http://router.lan/")).close())
                .hasStackTraceContaining("ccr.allowed-hosts");
    }

    /** An HTTP route that forgot the shared route configuration would be unguarded: the router refuses to start. */
    @Test
    void anHttpRouteWithoutTheGuardStopsTheStart() {
        assertThatThrownBy(() -> RouterHarness.start(Map.of("camel.main.routes-include-pattern",
                "file:routes/common/*.camel.yaml,file:routes/default/*.camel.yaml,"
                        + "file:src/test/resources/routes/unguarded/*.camel.yaml")).close())
                .hasStackTraceContaining("serve-a-forgotten-endpoint")
                .hasStackTraceContaining("answer-errors-in-anthropic-format");
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
