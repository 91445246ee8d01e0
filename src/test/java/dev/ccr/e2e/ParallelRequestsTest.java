package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many Claude Code sessions and subagents at once: every request gets a routing thread at once (the pool hands off,
 * it never queues), so a slow provider head delays no other request; past the pool's maximum, a clear 529.
 */
class ParallelRequestsTest {
    static final String STREAM = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"type\":\"message\","
            + "\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    static MockUpstream upstream;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        // a provider that takes 3 s before its answer's head, streamed or whole
        upstream.on("/v1/messages", (ex, req) -> {
            Thread.sleep(3000);
            if (req.bodyText().contains("\"stream\":true")) {
                MockUpstream.sse(STREAM, 0).handle(ex, req);
            } else {
                MockUpstream.json(ex, 200, "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}",
                        Map.of());
            }
        });
    }

    @AfterAll
    static void stop() {
        upstream.close();
    }

    static RouterHarness router(Map<String, String> extra) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"));
        properties.putAll(extra);
        return RouterHarness.start(properties);
    }

    static CompletableFuture<HttpResponse<String>> send(HttpClient client, RouterHarness router, boolean stream) {
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":5,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        return client.sendAsync(HttpRequest.newBuilder(router.uri("/v1/messages")).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoHundredRequestsWithASlowProviderHeadAllFinishInOneWave() throws Exception {
        try (RouterHarness router = router(Map.of())) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            send(client, router, false).get(30, TimeUnit.SECONDS); // warm up: classes loaded, pools started
            long start = System.nanoTime();

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(send(client, router, i % 2 == 0)); // half streamed, half whole answers
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            for (int i = 0; i < calls.size(); i++) {
                HttpResponse<String> response = calls.get(i).get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                if (i % 2 == 0) {
                    assertThat(SseText.eventNames(response.body())).endsWith("message_stop");
                }
            }
            // one wave takes 3 s; with 8 served at a time it took 25 waves. Two waves would be 6 s.
            assertThat(took).isLessThan(Duration.ofSeconds(6));
        }
    }

    @Test
    void pastThePoolsMaximumARequestGetsAnOverloadedError() throws Exception {
        try (RouterHarness router = router(Map.of("ccr.threads.core", "1", "ccr.threads.max", "2"))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int before = upstream.received().size();
            List<CompletableFuture<HttpResponse<String>>> holding = List.of(send(client, router, false),
                    send(client, router, false));
            while (upstream.received().size() < before + 2) {
                Thread.sleep(20); // both threads now wait for the provider's head
            }

            HttpResponse<String> refused = send(client, router, false).get(30, TimeUnit.SECONDS);

            assertThat(refused.statusCode()).isEqualTo(529);
            JsonNode error = Json.parse(refused.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("overloaded_error");
            assertThat(error.path("message").asText()).contains("ccr.threads.max");
            assertThat(refused.headers().firstValue("retry-after")).isPresent();
            for (CompletableFuture<HttpResponse<String>> call : holding) {
                assertThat(call.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
        }
    }
}
