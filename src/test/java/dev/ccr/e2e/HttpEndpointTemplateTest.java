package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint made from the {@code http-endpoint} route template (routes/common/http-endpoint.camel.yaml) runs
 * the same chain: the router key is checked, any method but GET/HEAD is refused with 405, the responder answers.
 */
class HttpEndpointTemplateTest {
    static final String ROUTER_KEY = "router-key-for-template-tests";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.api-key", ROUTER_KEY,
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456",
                "ccr.providers.anthropic.models", "claude-sonnet-4-5"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    private static HttpResponse<String> send(String path, String method, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (withKey) {
            request.header("x-api-key", ROUTER_KEY);
        }
        return router.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorType(HttpResponse<String> response) throws Exception {
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        return body.path("error").path("type").asText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/health/providers", "/stats", "/metrics"})
    void answersGetAndHeadWithTheKeyOnly(String path) throws Exception {
        HttpResponse<String> withoutKey = send(path, "GET", false);
        assertThat(withoutKey.statusCode()).isEqualTo(401);
        assertThat(errorType(withoutKey)).isEqualTo("authentication_error");

        assertThat(send(path, "GET", true).statusCode()).isEqualTo(200);
        assertThat(send(path, "HEAD", true).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/models", "/health/providers", "/stats", "/metrics"})
    void refusesOtherMethodsWith405(String path) throws Exception {
        for (String method : new String[]{"POST", "DELETE", "PUT"}) {
            HttpResponse<String> refused = send(path, method, true);
            assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(errorType(refused)).isEqualTo("invalid_request_error");
        }
    }
}
