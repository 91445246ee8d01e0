package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies up to {@code ccr.max-body-bytes} (32 MiB by default) reach the provider whole on every endpoint,
 * larger ones get 413 request_too_large in Anthropic's envelope, from the router or from Netty's own reader.
 */
class RequestSizeTest {
    static final int MIB = 1024 * 1024;
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

    /** A valid Messages request of exactly the given size: one user message padded with words (as a long conversation). */
    static byte[] requestOfSize(int size) {
        String head = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"";
        String tail = "\"}]}";
        byte[] body = new byte[size];
        byte[] words = "lorem ipsum dolor sit amet ".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            body[i] = words[i % words.length];
        }
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, body, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, body, size - tail.length(), tail.length());
        return body;
    }

    static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return router.client().send(HttpRequest.newBuilder(router.uri(path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("request_too_large");
        assertThat(body.path("error").path("message").asText()).contains("33554432");
    }

    @Test
    void aBodyJustOverOneMebibyteReachesTheProviderWhole() throws Exception {
        byte[] body = requestOfSize(MIB + 1);

        HttpResponse<String> response = post("/v1/messages", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(upstream.last().body()).isEqualTo(body);
    }

    @Test
    void aTwentyMebibyteBodyReachesTheProviderWhole() throws Exception {
        byte[] body = requestOfSize(20 * MIB);

        HttpResponse<String> response = post("/v1/messages", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(upstream.last().body()).isEqualTo(body);
    }

    @Test
    void countTokensTakesLargeBodiesToo() throws Exception {
        HttpResponse<String> response = post("/v1/messages/count_tokens", requestOfSize(2 * MIB));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("input_tokens").asInt()).isPositive();
    }

    @Test
    void aBodyOverTheLimitIsRefusedInAnthropicsEnvelopeOnEveryEndpoint() throws Exception {
        byte[] body = requestOfSize(33 * MIB);
        int received = upstream.received().size();

        for (String path : new String[]{"/v1/messages", "/v1/messages/count_tokens", "/admin/routing", "/nowhere"}) {
            assertTooLarge(post(path, body));
        }
        assertThat(upstream.received()).hasSize(received);
    }

    @Test
    void aClientThatAsksBeforeSendingIsRefusedBeforeItSendsTheBody() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + (33 * MIB) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !answer.toString().endsWith("}}") && (n = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"request_too_large\"");
        }
    }

    @Test
    void theConnectionStaysUsableAfterARefusedBody() throws Exception {
        assertTooLarge(post("/v1/messages", requestOfSize(33 * MIB)));

        assertThat(post("/v1/messages", requestOfSize(1000)).statusCode()).isEqualTo(200);
    }
}
