package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request whose target is not a valid URI (a bad percent escape in its query or path) is answered 400
 * invalid_request_error in Anthropic's envelope, and the connection keeps serving. Sent over a raw socket, since
 * HTTP clients refuse to send such targets.
 */
class MalformedRequestTargetTest {
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200,
                "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}", Map.of()));
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages?x=%zz", "/v1/messages?x=%", "/v1/messages?beta=true&x=%4", "/v1/mess%zzages",
            "/v1/messages/%", "/health?a=%G1", "/v1/messages?x=a|b"})
    void aMalformedTargetGetsA400InAnthropicsEnvelopeAndTheConnectionServesOn(String target) throws Exception {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        int before = upstream.received().size();
        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            socket.setSoTimeout(10_000);
            send(socket, "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);
            String answer = readResponse(socket);

            assertThat(answer).startsWith("HTTP/1.1 400");
            JsonNode error = Json.parse(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("error").path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("error").path("message").asText()).contains("request target");

            send(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(readResponse(socket)).startsWith("HTTP/1.1 200").endsWith("{\"status\":\"ok\"}");
        }
        assertThat(upstream.received()).hasSize(before);
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** One response with a Content-Length (all the router's error answers have one). */
    static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
