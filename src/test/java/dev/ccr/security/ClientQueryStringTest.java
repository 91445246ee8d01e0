package dev.ccr.security;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 (5): a client's query string reaches the provider only as the parameters the protocol needs (Anthropic:
 * {@code beta}), encoded; nothing smuggled in an encoded value becomes a parameter, and no query string is a 500.
 */
class ClientQueryStringTest {
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        upstream.on("/v1/messages", (exchange, request) -> MockUpstream.json(exchange, 200,
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],"
                        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}", Map.of()));
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-0123456789"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @BeforeEach
    void clear() {
        upstream.received().clear();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "?x=a%26api_key%3Dz                | /v1/messages",
            "?x=%20y                           | /v1/messages",
            "?beta=true                        | /v1/messages?beta=true",
            "?beta=true&x=a%26api_key%3Dz      | /v1/messages?beta=true",
            "?beta=a%26api_key%3Dz             | /v1/messages?beta=a%26api_key%3Dz",
            "?beta=%20y                        | /v1/messages?beta=+y",
            "?api_key=z&key=z&beta             | /v1/messages?beta",
            "?%62eta=true                      | /v1/messages?beta=true",
            "?beta=true&x=%C3%28               | /v1/messages?beta=true"})
    void onlyTheBetaParameterGoesUpstreamEncoded(String query, String upstreamPath) throws Exception {
        int status = rawPost("/v1/messages" + query);

        assertThat(status).isEqualTo(200);
        assertThat(upstream.received()).hasSize(1);
        assertThat(upstream.last().path()).isEqualTo(upstreamPath);
    }

    /** Sent as raw bytes: java.net.URI would refuse some of these query strings before they left the test. */
    private static int rawPost(String target) throws Exception {
        byte[] body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + router.port()
                    + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                    + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
