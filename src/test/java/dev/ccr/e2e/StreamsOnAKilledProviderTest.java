package dev.ccr.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.Json;
import dev.ccr.testing.MockCodeWhispererProcess;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams already relaying from a provider whose server dies (SIGKILL, a separate process) end with an SSE
 * {@code event: error} that names the provider, within the provider's idle timeout; none hangs, and /stats counts
 * them as broken streams.
 */
class StreamsOnAKilledProviderTest {
    static final int STREAMS = 4;
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);

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

    @Test
    void streamsUnderWayOnAKilledProviderEndWithAnErrorEventNamingIt() throws Exception {
        primary = MockCodeWhispererProcess.start("primary", 3000); // 3 s between frames: streams are mid-way
        secondary = new MockUpstream();
        Map<String, String> properties = SeedsAccounts.properties(tokens, primary.baseUrl(), secondary.baseUrl());
        properties.put("ccr.providers.codewhisperer-primary.timeouts.idle", IDLE_TIMEOUT.toSeconds() + "s");
        router = RouterHarness.start(properties);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<Stream<String>>>> streams = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            streams.add(client.sendAsync(HttpRequest.newBuilder(router.uri("/v1/messages"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"codewhisperer-primary,claude-sonnet-4.5\","
                            + "\"max_tokens\":100,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofLines()));
        }
        List<HttpResponse<Stream<String>>> heads = new ArrayList<>();
        for (var stream : streams) {
            heads.add(stream.get(20, TimeUnit.SECONDS)); // the head goes out with the first relayed event
        }

        primary.kill();
        long killed = System.nanoTime();
        for (HttpResponse<Stream<String>> head : heads) {
            assertThat(head.statusCode()).isEqualTo(200);
            String sse = CompletableFuture.supplyAsync(() -> head.body().collect(Collectors.joining("\n")) + "\n")
                    .get(IDLE_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("ended within the idle timeout")
                    .isLessThan(IDLE_TIMEOUT.plusSeconds(2));
            assertThat(SseText.eventNames(sse)).contains("message_start").endsWith("error");
            List<String> events = SseText.events(sse);
            JsonNode error = Json.parse(events.get(events.size() - 1).split("data: ", 2)[1]);
            assertThat(error.path("error").path("type").asText()).isEqualTo("api_error");
            assertThat(error.path("error").path("message").asText())
                    .contains("codewhisperer-primary").doesNotContain("Internal router error").doesNotContain("\tat ");
        }
        JsonNode total = Json.parse(router.get("/stats").body()).path("total").path("sinceStart");
        assertThat(total.path("requests").asInt()).isEqualTo(STREAMS);
        assertThat(total.path("errors").asInt()).isEqualTo(STREAMS);
    }
}
