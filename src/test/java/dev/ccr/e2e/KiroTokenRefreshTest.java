package dev.ccr.e2e;

import dev.ccr.json.Json;
import dev.ccr.provider.kiro.RefreshEndpoint;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ccr.transform.codewhisperer.EventStreamFrames.concat;
import static dev.ccr.transform.codewhisperer.EventStreamFrames.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #11 (8): a Kiro token refresh runs in the background, one at a time. Requests and /health/providers go on
 * with the still-valid token while a refresh is under way, and a token that lives less than the refresh margin is
 * not refreshed on every request. Router started as users start it, Kiro and its refresh service on loopback.
 */
class KiroTokenRefreshTest {
    private static final String PROVIDER = "codewhisperer-primary";

    @TempDir
    Path dir;
    private Path tokenFile;
    private MockUpstream kiro;
    private RefreshEndpoint refresh;
    private RouterHarness router;

    @BeforeEach
    void start() throws Exception {
        kiro = new MockUpstream();
        byte[] stream = concat(event("assistantResponseEvent", Map.of("content", "pong")),
                event("metadataEvent", Map.of("tokenUsage", Map.of("uncachedInputTokens", 9, "outputTokens", 1))));
        kiro.on("/generateAssistantResponse", (exchange, request) -> {
            exchange.getResponseHeaders().set("content-type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, stream.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(stream);
            }
        });
        refresh = new RefreshEndpoint();
        tokenFile = dir.resolve("kiro-auth-token.json");
    }

    @AfterEach
    void stop() {
        if (router != null) {
            router.close();
        }
        kiro.close();
        refresh.close();
    }

    @Test
    void aSlowRefreshDelaysNeitherHealthNorRequestsWithAValidToken() throws Exception {
        // 5 minutes left: inside the default 10-minute margin, so the first request starts a refresh ahead of time
        writeToken("access-old-slow", "refresh-old-slow", Instant.now().plusSeconds(300));
        refresh.grants("access-new-slow", "refresh-new-slow");
        CountDownLatch release = new CountDownLatch(1);
        refresh.holdUntil(release);
        startRouter();
        try {
            assertThat(post().statusCode()).isEqualTo(200);
            waitFor(() -> refresh.calls().size() == 1);

            // the refresh service has not answered yet: nothing below may wait for it
            HttpResponse<String> health = router.client().send(HttpRequest.newBuilder(router.uri("/health/providers"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(Json.parse(health.body()).path("providers").findValues("name").toString()).contains(PROVIDER);
            List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                concurrent.add(router.client().sendAsync(request(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : concurrent) {
                assertThat(response.get(15, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(kiro.received()).extracting(r -> r.header("authorization"))
                    .hasSize(4).containsOnly("Bearer access-old-slow");
            assertThat(refresh.calls()).hasSize(1);
        } finally {
            release.countDown();
        }
        waitFor(() -> Files.readString(tokenFile).contains("access-new-slow"));
        assertThat(post().statusCode()).isEqualTo(200);
        assertThat(kiro.last().header("authorization")).isEqualTo("Bearer access-new-slow");
        assertThat(refresh.calls()).hasSize(1);
    }

    @Test
    void aTokenLivingLessThanTheMarginIsNotRefreshedOnEveryRequest() throws Exception {
        writeToken("access-old-short", "refresh-old-short", Instant.now().plusSeconds(120));
        // each new token lives 5 minutes, less than the 10-minute margin
        refresh.answer(call -> new RefreshEndpoint.Answer(200, "{\"accessToken\":\"access-new-short-"
                + refresh.calls().size() + "\",\"refreshToken\":\"refresh-new-short\",\"expiresIn\":300}"));
        startRouter();

        assertThat(post().statusCode()).isEqualTo(200);
        waitFor(() -> Files.readString(tokenFile).contains("access-new-short"));
        for (int i = 0; i < 4; i++) {
            assertThat(post().statusCode()).isEqualTo(200);
        }
        Thread.sleep(300); // a refresh wrongly started by the last request would have reached the service by now

        assertThat(refresh.calls()).hasSize(1);
        assertThat(kiro.last().header("authorization")).isEqualTo("Bearer access-new-short-1");
    }

    private void startRouter() {
        router = RouterHarness.start(Map.of(
                "ccr.providers." + PROVIDER + ".base-url", kiro.baseUrl(),
                "ccr.providers." + PROVIDER + ".option.token-path", tokenFile.toString(),
                "ccr.providers." + PROVIDER + ".option.refresh-url", refresh.url("/{region}/refreshToken"),
                "ccr.providers.codewhisperer-secondary.option.token-path", dir.resolve("absent.json").toString()));
    }

    private void writeToken(String access, String refreshToken, Instant expiresAt) throws Exception {
        Files.writeString(tokenFile, Json.string(Map.of("accessToken", access, "refreshToken", refreshToken,
                "expiresAt", expiresAt.toString(), "authMethod", "social", "region", "us-east-1",
                "profileArn", "arn:aws:codewhisperer:us-east-1:1:profile/T")));
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(router.uri("/v1/messages")).timeout(Duration.ofSeconds(10))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + PROVIDER + ",claude-sonnet-4.5\","
                        + "\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> post() throws Exception {
        return router.client().send(request(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitFor(Check check) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(check.holds()).as("condition reached within 10 s").isTrue();
    }
}
