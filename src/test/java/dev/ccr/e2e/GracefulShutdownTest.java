package dev.ccr.e2e;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the router lets streams under way finish, and turns new requests away meanwhile. */
class GracefulShutdownTest {

    @Test
    void aStreamUnderWayFinishesBeforeTheRouterStops() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        try (MockUpstream upstream = new MockUpstream()) {
            upstream.on("/v1/messages", (ex, req) -> {
                OutputStream out = MockUpstream.startSse(ex);
                MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
                started.countDown();
                finish.await(10, TimeUnit.SECONDS);
                MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
            });
            RouterHarness router = RouterHarness.start(Map.of(
                    "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                    "ccr.providers.anthropic.api-key", "provider-key-0123456789",
                    "ccr.shutdown.grace", "10s"));
            String body = "{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}";
            CompletableFuture<HttpResponse<String>> stream = CompletableFuture.supplyAsync(() -> {
                try {
                    return router.post("/v1/messages", body, Map.of());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(router::close);
            Thread.sleep(500);
            assertThat(stopping).as("stop waits for the stream").isNotDone();
            HttpResponse<String> refused = router.post("/v1/messages", body, Map.of());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("shutting down");

            finish.countDown();
            assertThat(stream.get(10, TimeUnit.SECONDS).body()).contains("message_stop");
            stopping.get(20, TimeUnit.SECONDS);
        }
    }
}
