package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Claude Code → router → Anthropic-compatible provider, through the real routes and a real loopback upstream. */
class AnthropicPassThroughTest {
    static final String PROVIDER_KEY = "sk-ant-provider-key-0123456789";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", PROVIDER_KEY,
                "ccr.providers.anthropic.timeouts.idle", "2s"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    @BeforeEach
    void clear() {
        upstream.received().clear();
        router.resetProviders();
    }

    static String request(boolean stream) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"some_future_field\":{\"kept\":true}}";
    }

    @Test
    void nonStreamingAnswerIsReturnedAsTheProviderSentIt() throws Exception {
        String answer = Captures.responseBody("mock_response_json_thinking_tool_use.txt");
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, answer, Map.of("request-id", "req_1")));

        HttpResponse<String> response = router.post("/v1/messages?beta=true", request(false),
                Map.of("x-api-key", "client-key", "anthropic-version", "2023-06-01", "anthropic-beta", "b1,b2"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(answer);
        assertThat(response.headers().firstValue("x-ccr-provider")).hasValue("anthropic");
        assertThat(response.headers().firstValue("x-ccr-category")).hasValue("default");
        assertThat(response.headers().firstValue("request-id")).hasValue("req_1");
        MockUpstream.Received sent = upstream.last();
        assertThat(sent.path()).isEqualTo("/v1/messages?beta=true");
        assertThat(sent.bodyText()).isEqualTo(request(false));
        assertThat(sent.header("x-api-key")).isEqualTo(PROVIDER_KEY);
        assertThat(sent.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.header("anthropic-beta")).isEqualTo("b1,b2");
    }

    @Test
    void streamedEventsArriveByteIdentical() throws Exception {
        String sse = Captures.responseBody("mock_response_stream_thinking_tool_use.txt");
        upstream.on("/v1/messages", MockUpstream.sse(sse, 0));

        HttpResponse<String> response = router.post("/v1/messages", request(true), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        assertThat(response.body()).isEqualTo(String.join("", SseText.events(sse)));
        assertThat(SseText.eventNames(response.body())).startsWith("message_start").endsWith("message_stop");
    }

    @Test
    void eachEventReachesTheClientBeforeTheProviderSendsTheNext() throws Exception {
        CountDownLatch clientSawFirst = new CountDownLatch(1);
        AtomicBoolean providerWaitedForClient = new AtomicBoolean();
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            // a buffering router would never let the client see this event before the stream ends
            providerWaitedForClient.set(clientSawFirst.await(10, TimeUnit.SECONDS));
            MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        });

        HttpResponse<InputStream> response = router.client().send(HttpRequest.newBuilder(router.uri("/v1/messages"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request(true))).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("event: message_start");
            clientSawFirst.countDown();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            assertThat(rest.toString()).contains("event: message_stop");
        }
        assertThat(providerWaitedForClient).isTrue();
    }

    @Test
    void clientDisconnectCancelsTheProviderCall() throws Exception {
        CountDownLatch providerStopped = new CountDownLatch(1);
        AtomicInteger eventsWritten = new AtomicInteger();
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            try {
                for (int i = 0; i < 400; i++) {
                    MockUpstream.writeFlushed(out, "event: ping\ndata: {\"type\":\"ping\",\"n\":" + i + "}\n\n");
                    eventsWritten.incrementAndGet();
                    Thread.sleep(25);
                }
            } finally {
                providerStopped.countDown();
            }
        });

        try (Socket socket = new Socket("127.0.0.1", router.port())) {
            byte[] body = request(true).getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null && !line.contains("\"n\":2"); ) {
                // read until the third event arrived, then hang up
            }
        }
        assertThat(providerStopped.await(5, TimeUnit.SECONDS)).as("provider call cancelled").isTrue();
        assertThat(eventsWritten.get()).isLessThan(400);
    }

    @Test
    void streamBrokenAfterFirstByteEndsWithAnSseErrorEvent() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            throw new IllegalStateException("provider crashed mid-stream"); // the mock server drops the connection
        });

        HttpResponse<String> response = router.post("/v1/messages", request(true), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SseText.eventNames(response.body())).containsExactly("message_start", "error");
        JsonNode error = Json.parse(SseText.events(response.body()).get(1).split("data: ", 2)[1]);
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isNotEmpty();
    }

    @Test
    void aStalledStreamIsEndedByTheIdleTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            release.await(20, TimeUnit.SECONDS);
        });
        long start = System.nanoTime();

        HttpResponse<String> response = router.post("/v1/messages", request(true), Map.of());
        release.countDown();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(SseText.eventNames(response.body())).containsExactly("message_start", "error");
        assertThat(response.body()).contains("timeout_error");
    }

    @Test
    void theIdleTimeoutCountsFromTheLastEventNotFromTheStart() throws Exception {
        // six events 500 ms apart: 3 s in all, more than the 2 s idle timeout, never 2 s without an event
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            for (int i = 0; i < 5; i++) {
                Thread.sleep(500);
                MockUpstream.writeFlushed(out, "event: ping\ndata: {\"type\":\"ping\"}\n\n");
            }
            MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        });

        HttpResponse<String> response = router.post("/v1/messages", request(true), Map.of());

        assertThat(SseText.eventNames(response.body())).containsExactly("message_start", "ping", "ping", "ping",
                "ping", "ping", "message_stop");
    }

    @Test
    void providerErrorsKeepTheirStatusTypeAndRetryAfter() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
                Map.of("retry-after", "7")));

        HttpResponse<String> response = router.post("/v1/messages", request(true), Map.of());

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(body.path("error").path("message").asText()).contains("slow down").doesNotContain(PROVIDER_KEY);
    }

    @Test
    void providerRefusalOfTheRequestIsPassedOnAsA400() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 400,
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"bad beta\"}}", Map.of()));

        HttpResponse<String> response = router.post("/v1/messages", request(false), Map.of());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("error").path("type").asText()).isEqualTo("invalid_request_error");
    }

    @Test
    void everyRecordedClaudeCodeRequestIsForwardedAsTheSameJson() throws Exception {
        upstream.on("/v1/messages", MockUpstream.sse(Captures.responseBody("mock_response_stream_text.txt"), 0));
        int forwarded = 0;
        for (String name : CaptureNames.MESSAGES) {
            JsonNode capture = Captures.request(name);
            String body = Json.string(capture.get("body"));
            upstream.received().clear();

            HttpResponse<String> response = router.post("/v1/messages?beta=true", body,
                    Map.of("anthropic-beta", "claude-code-20250219"));

            assertThat(response.statusCode()).as(name).isEqualTo(200);
            // serialised again from the parsed request: the same JSON, keys in the client's order
            assertThat(Json.parse(upstream.last().body())).as(name).isEqualTo(capture.get("body"));
            assertThat(Json.string(Json.parse(upstream.last().body()))).as(name).isEqualTo(body);
            forwarded++;
        }
        assertThat(forwarded).isGreaterThan(25);
    }

    @Test
    void whatClaudeCodeReliesOnSurvivesTheRequestBeingSerialisedAgain() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, "{\"type\":\"message\"}", Map.of()));
        // as another client may write it: indented, escapes where the router writes characters, and the reverse
        String body = """
                {
                  "model" : "claude-sonnet-4-5",
                  "max_tokens" : 100,
                  "zeta_future_field" : {"b" : 1, "a" : [1.50, 2e3, -0]},
                  "system" : [ {"type" : "text", "text" : "caf\\u00e9 \\ud83e\\udd16 \\u2028 \\/",
                     "cache_control" : {"type" : "ephemeral", "ttl" : "1h"}} ],
                  "messages" : [
                    {"role" : "user", "content" : "héllo 🤖 \\"quoted\\" \\t tab"},
                    {"role" : "assistant", "content" : [
                      {"type" : "thinking", "thinking" : "let me think", "signature" : "EqQBCkYIBxgCKkBz+/=="},
                      {"type" : "redacted_thinking", "data" : "EmwKAhgBEgy3va3pzix/LafPsn4a"},
                      {"type" : "text", "text" : "answer", "cache_control" : {"type" : "ephemeral"}} ]},
                    {"role" : "user", "content" : "next"} ]
                }""";

        HttpResponse<String> response = router.post("/v1/messages", body, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sent = Json.parse(upstream.last().body());
        assertThat(sent).isEqualTo(Json.parse(body));
        // key order as the client wrote it; unknown fields kept, numbers by value (1.50 may arrive as 1.5)
        assertThat(sent.fieldNames()).toIterable().containsExactly(
                "model", "max_tokens", "zeta_future_field", "system", "messages");
        assertThat(sent.path("zeta_future_field").fieldNames()).toIterable().containsExactly("b", "a");
        assertThat(sent.at("/system/0/text").asText()).isEqualTo("café 🤖 \u2028 /");
        assertThat(sent.at("/system/0/cache_control/ttl").asText()).isEqualTo("1h");
        assertThat(sent.at("/messages/0/content").asText()).isEqualTo("héllo 🤖 \"quoted\" \t tab");
        assertThat(sent.at("/messages/1/content/0/signature").asText()).isEqualTo("EqQBCkYIBxgCKkBz+/==");
        assertThat(sent.at("/messages/1/content/1/data").asText()).isEqualTo("EmwKAhgBEgy3va3pzix/LafPsn4a");
        assertThat(sent.at("/messages/1/content/2/cache_control/type").asText()).isEqualTo("ephemeral");
        // characters outside the BMP travel as UTF-8, as Claude Code sends them, not as escaped surrogates
        assertThat(upstream.last().bodyText()).contains("🤖").doesNotContain("\\ud83e");
    }

    @Test
    void aSubagentTagPinsTheTargetAndIsRemovedBeforeTheRequestGoesUpstream() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, "{\"type\":\"message\"}", Map.of()));
        ObjectNode body = Captures.body("21_subagent_request.json");
        com.fasterxml.jackson.databind.node.ObjectNode block = (ObjectNode) body.withArray("system").get(1);
        String original = block.get("text").asText();
        block.put("text", "<CCR-SUBAGENT-MODEL>anthropic,claude-haiku-4-5</CCR-SUBAGENT-MODEL>" + original);

        HttpResponse<String> response = router.post("/v1/messages", Json.string(body), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-ccr-model")).hasValue("claude-haiku-4-5");
        JsonNode sent = Json.parse(upstream.last().body());
        assertThat(sent.path("model").asText()).isEqualTo("claude-haiku-4-5");
        assertThat(upstream.last().bodyText()).doesNotContain("CCR-SUBAGENT-MODEL");
        assertThat(sent.path("system").get(1).path("text").asText()).isEqualTo(original);
    }

    @Test
    void countTokensIsAnsweredLocally() throws Exception {
        ObjectNode capture = Captures.body("12_read_240k_count_tokens.json");

        HttpResponse<String> response = router.post("/v1/messages/count_tokens?beta=true", Json.string(capture), Map.of());
        capture.withArray("messages").addObject().put("role", "user").put("content", "one more sentence to count");
        HttpResponse<String> longer = router.post("/v1/messages/count_tokens", Json.string(capture), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        int tokens = Json.parse(response.body()).path("input_tokens").asInt();
        assertThat(tokens).isPositive();
        assertThat(Json.parse(longer.body()).path("input_tokens").asInt()).isGreaterThan(tokens);
        assertThat(upstream.received()).isEmpty();
    }
}
