package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RawHttp;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose target is not a valid URI (a bad percent escape in its query or path) is answered 400
 * invalid_request_error in Anthropic's envelope, and the connection keeps serving. Sent over a raw socket, since
 * HTTP clients refuse to send such targets.
 */
class MalformedRequestTargetTest {
    static final String MESSAGE = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream(); // no request may reach it
        router = RouterHarness.start(Map.of("ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    static Map<String, String> jsonHeaders() {
        return Map.of("Host", "127.0.0.1", "Content-Type", "application/json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages?x=%zz", "/v1/messages?x=%", "/v1/messages?beta=true&x=%4", "/v1/mess%zzages",
            "/v1/messages/%", "/health?a=%G1", "/v1/messages?x=a|b"})
    void aMalformedTargetGetsA400InAnthropicsEnvelopeAndTheConnectionServesOn(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            socket.setSoTimeout(10_000);
            RawHttp.Response answer = RawHttp.exchange(socket, "POST", target, jsonHeaders(), MESSAGE);

            assertThat(answer.status()).isEqualTo(400);
            JsonNode error = Json.parse(answer.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("error").path("message").asText()).contains("request target");

            RawHttp.Response next = RawHttp.exchange(socket, "GET", "/health", Map.of("Host", "127.0.0.1"), null);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"status\":\"ok\"}");
        }
        assertThat(upstream.received()).isEmpty();
    }
}
