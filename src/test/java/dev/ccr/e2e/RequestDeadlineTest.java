package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RawHttp;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request whose answer has not started by {@code ccr.request-deadline} gets 504 timeout_error in Anthropic's
 * envelope and is counted in /stats; the provider's late answer is never written behind it on the connection.
 */
class RequestDeadlineTest {
    static final long PROVIDER_DELAY_MILLIS = 5000;
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/v1/messages", (ex, req) -> {
            Thread.sleep(PROVIDER_DELAY_MILLIS); // well within its own first-byte timeout, past the router's deadline
            MockUpstream.json(ex, 200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"late\"}],"
                    + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}", Map.of());
        });
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456",
                "ccr.providers.anthropic.timeouts.first-byte", "60s",
                "ccr.request-deadline", "1s"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @Test
    void aRequestPastItsDeadlineGetsA504AndTheLateAnswerIsDropped() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            socket.setSoTimeout(4000); // the provider answers after 5 s: only the deadline can answer before
            RawHttp.Response answer = RawHttp.exchange(socket, "POST", "/v1/messages",
                    MalformedRequestTargetTest.jsonHeaders(), MalformedRequestTargetTest.MESSAGE);

            assertThat(answer.status()).isEqualTo(504);
            JsonNode error = Json.parse(answer.body());
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("timeout_error");
            assertThat(error.path("error").path("message").asText()).contains("ccr.request-deadline");

            // the provider's answer arrives meanwhile; the connection's next answer is still the next request's
            Thread.sleep(PROVIDER_DELAY_MILLIS);
            RawHttp.Response next = RawHttp.exchange(socket, "GET", "/health", Map.of("Host", "127.0.0.1"), null);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"status\":\"ok\"}");
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).as("nothing more on the connection").isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(upstream.received()).hasSize(1);
        JsonNode total = Json.parse(router.get("/stats").body()).path("total").path("sinceStart");
        assertThat(total.path("requests").asInt()).isEqualTo(1);
        assertThat(total.path("errors").asInt()).isEqualTo(1);
        assertThat(total.path("errorsByKind").path("timeout").asInt()).isEqualTo(1);
    }
}
