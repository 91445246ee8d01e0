package dev.ccr.e2e;

import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections to a provider are reused from one call to the next, and one left unused for
 * {@code timeouts.keep-alive} is closed even when no call comes (a burst of streams must not leave a thousand idle
 * sockets open for the provider to cut).
 */
class ProviderConnectionsTest {
    static final String ANSWER = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
            + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
            + "\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}";
    static final AtomicInteger opened = new AtomicInteger();
    static final AtomicInteger closed = new AtomicInteger();
    static DisposableServer upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() {
        upstream = HttpServer.create().host("127.0.0.1").port(0)
                // per TCP connection (doOnConnection would count each request on a kept-alive one)
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    opened.incrementAndGet();
                    channel.closeFuture().addListener(closed -> ProviderConnectionsTest.closed.incrementAndGet());
                })
                .route(routes -> routes.post("/v1/messages", (request, response) -> request.receive().then(
                        response.header("content-type", "application/json").sendString(Mono.just(ANSWER)).then())))
                .bindNow();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", "http://127.0.0.1:" + upstream.port(),
                "ccr.providers.anthropic.api-key", "sk-ant-connections-test-0123456789",
                "ccr.providers.anthropic.timeouts.keep-alive", "1s"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.disposeNow();
    }

    @Test
    void aConnectionIsReusedAndClosedOnceUnusedForTheKeepAliveTime() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = router.post("/v1/messages", "{\"model\":\"claude-sonnet-4-5\","
                    + "\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(ANSWER);
        }
        int used = opened.get();
        assertThat(used).as("connections for three calls one after the other").isEqualTo(1);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (closed.get() < used && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(closed.get()).as("connections closed after 1 s unused, with no call to notice").isEqualTo(used);
    }
}
