package dev.ccr.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockCodeWhispererProcess;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seeds' scenario under load when the primary account's server dies (SIGKILL, a separate process) in the middle
 * of it: every request gets an answer — the ones under way on the dead account fail over to the other — and /stats
 * counts every one of them. Streams already relaying from the dead account end with an SSE error event naming it.
 */
class FailoverUnderLoadTest {
    private static final int REQUESTS = 300;
    private static final int CONNECTIONS = 20;
    private static final int STREAMS = 4;
    /* a client that has waited 20 s has been left hanging: every answer here takes a few seconds at most */

    @TempDir
    Path tokens;
    MockCodeWhispererProcess primary;
    MockUpstream secondary;
    RouterHarness router;

    @AfterEach
    void stop() throws Exception {
        if (router != null) {
            router.close();
        }
        if (secondary != null) {
            secondary.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    private void start(long primaryPauseMillis) throws Exception {
        start(primaryPauseMillis, Map.of());
    }

    private void start(long primaryPauseMillis, Map<String, String> moreProperties) throws Exception {
        primary = MockCodeWhispererProcess.start("primary", primaryPauseMillis);
        warmUp(primary);
        secondary = new MockUpstream();
        SeedsScenarioTest.answerAs(secondary, "secondary");
        Map<String, String> properties = SeedsAccounts.properties(tokens, primary.baseUrl(), secondary.baseUrl());
        // the surviving account can take every connection's call: then nothing needs to be refused at all
        properties.put("ccr.providers.codewhisperer-secondary.limits.max-concurrent-requests", String.valueOf(2 * CONNECTIONS));
        properties.putAll(moreProperties);
        router = RouterHarness.start(properties);
    }

    /** One call straight to the mock: its JVM answers the first one slowly, which is not what this test measures. */
    private static void warmUp(MockCodeWhispererProcess mock) throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/generateAssistantResponse"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Test
    void noRequestIsLostWhenThePrimaryDiesUnderLoad() throws Exception {
        start(5);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(REQUESTS / 2);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        ExecutorService connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            for (int i = 0; i < REQUESTS; i++) {
                connections.submit(() -> {
                    outcomes.merge(send(client), 1, Integer::sum);
                    done.incrementAndGet();
                    halfway.countDown();
                });
            }
            assertThat(halfway.await(2, TimeUnit.MINUTES)).isTrue();
            // the primary's JVM starts cold and may not have answered yet on a busy machine: kill it only once it
            // carries traffic, which is the case this test is about
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (!outcomes.containsKey("200 primary") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            primary.kill();
            connections.shutdown();
            assertThat(connections.awaitTermination(3, TimeUnit.MINUTES)).as("every client got an answer").isTrue();
        } finally {
            connections.shutdownNow();
        }

        // the surviving account has room for every connection: calls under way on the dead one fail over, nothing is
        // refused, no answer is lost or broken, and /stats counts every request
        assertThat(outcomes).as("answers by status, or the client's failure")
                .containsKeys("200 primary", "200 secondary");
        assertThat(outcomes.keySet()).as("answers by status, or the client's failure")
                .isSubsetOf("200 primary", "200 secondary");
        JsonNode total = Json.parse(router.get("/stats").body()).path("total").path("sinceStart");
        assertThat(total.path("requests").asInt()).as("every request counted").isEqualTo(REQUESTS);
        assertThat(total.path("errors").asInt()).isZero();
    }

    @Test
    void streamsUnderWayOnTheKilledProviderEndWithAnErrorEventNamingItWithinTheIdleTimeout() throws Exception {
        Duration idleTimeout = Duration.ofSeconds(5);
        start(3000, Map.of("ccr.providers.codewhisperer-primary.timeouts.idle", idleTimeout.toSeconds() + "s"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            // pinned to the primary, whose frames come 3 s apart: every stream is mid-way when it dies
            streams.add(client.sendAsync(HttpRequest.newBuilder(router.uri("/v1/messages"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"codewhisperer-primary,claude-sonnet-4.5\","
                            + "\"max_tokens\":100,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofLines()));
        }
        List<HttpResponse<Stream<String>>> heads = new ArrayList<>();
        for (var stream : streams) {
            heads.add(stream.get(30, TimeUnit.SECONDS)); // the head goes out with the first relayed event
        }

        primary.kill();
        long killed = System.nanoTime();
        for (HttpResponse<Stream<String>> head : heads) {
            assertThat(head.statusCode()).isEqualTo(200);
            String sse = CompletableFuture.supplyAsync(() -> head.body().collect(Collectors.joining("\n")) + "\n")
                    .get(idleTimeout.toSeconds() + 10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("ended within the idle timeout")
                    .isLessThan(idleTimeout.plusSeconds(2));
            assertThat(SseText.eventNames(sse)).contains("message_start").endsWith("error");
            List<String> events = SseText.events(sse);
            JsonNode error = Json.parse(events.get(events.size() - 1).split("data: ", 2)[1]);
            assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
            assertThat(error.path("error").path("message").asText())
                    .contains("codewhisperer-primary").doesNotContain("Internal router error").doesNotContain("\tat ");
        }
        JsonNode total = Json.parse(router.get("/stats").body()).path("total").path("sinceStart");
        assertThat(total.path("requests").asInt()).isEqualTo(STREAMS);
        assertThat(total.path("errorsByKind").path("stream_broken").asInt()).isEqualTo(STREAMS);
    }

    @Test
    void aRequestNeitherAccountCanTakeIsAnsweredAndCounted() throws Exception {
        primary = MockCodeWhispererProcess.start("primary", 1000);
        secondary = new MockUpstream();
        secondary.on("/generateAssistantResponse", (ex, req) -> {
            Thread.sleep(3000);
            MockUpstream.json(ex, 503, "{\"message\":\"busy\"}", Map.of());
        });
        Map<String, String> properties = SeedsAccounts.properties(tokens, primary.baseUrl(), secondary.baseUrl());
        properties.put("ccr.providers.codewhisperer-primary.limits.max-concurrent-requests", "1");
        properties.put("ccr.providers.codewhisperer-secondary.limits.max-concurrent-requests", "1");
        router = RouterHarness.start(properties);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService busy = Executors.newFixedThreadPool(2);
        try {
            busy.submit(() -> send(client));
            busy.submit(() -> send(client));
            Thread.sleep(1000);

            // both accounts are at their limit: the balancer refuses at once, on the router's own thread
            assertThat(send(client)).isEqualTo("529 overloaded_error");
        } finally {
            busy.shutdownNow();
        }
        JsonNode total = Json.parse(router.get("/stats").body()).path("total").path("sinceStart");
        assertThat(total.path("errorsByKind").path("unavailable").asInt()
                + total.path("errorsByKind").path("5xx").asInt()).isGreaterThanOrEqualTo(1);
    }

    private String send(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(router.uri("/v1/messages")).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,"
                        + "\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return response.statusCode() + " " + Json.parse(response.body()).path("error").path("type").asText()
                        + (response.statusCode() == 529 ? "" : " " + response.body());
            }
            String text = Json.parse(response.body()).path("content").get(0).path("text").asText();
            return "200 " + text.substring(text.lastIndexOf(' ') + 1);
        } catch (JsonProcessingException e) {
            return "unreadable answer: " + e.getOriginalMessage();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
