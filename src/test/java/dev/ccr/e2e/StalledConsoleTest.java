package dev.ccr.e2e;

import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A console that stops reading — a terminal paused with Ctrl-S or in copy mode, a full pipe to a log collector — does
 * not stop the router: streams keep being answered one after the other on one connection (each stream's line is
 * logged on that connection's event loop when it ends), and the lines logged meanwhile reach the console once it
 * reads again.
 */
class StalledConsoleTest {
    /** Claude Code always streams; a stream's line is logged when it ends, on the client connection's event loop. */
    static final String ANSWER = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
            + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}\n\n"
            + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
            + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
            + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"hi\"}}\n\n"
            + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
            + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":1}}\n\n"
            + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    static final int REQUESTS = 40;

    DisposableServer upstream;
    RouterHarness router;
    PrintStream realOut;
    StalledConsole console;

    @BeforeEach
    void start() {
        upstream = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/messages", (request, response) -> request.receive().then(
                        response.header("content-type", "text/event-stream").sendString(Mono.just(ANSWER)).then())))
                .bindNow();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", "http://127.0.0.1:" + upstream.port(),
                "ccr.providers.anthropic.api-key", "sk-ant-stalled-console-test-0123456789"));
        realOut = System.out;
        console = new StalledConsole();
    }

    @AfterEach
    void stop() {
        console.resume();
        System.setOut(realOut);
        router.close();
        upstream.disposeNow();
    }

    @Test
    void streamsAreAnsweredWhileTheConsoleReadsNothing() throws Exception {
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> answer = router.client().send(HttpRequest.newBuilder(router.uri("/v1/messages"))
                            .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\","
                                    + "\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi " + i
                                    + "\"}]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("request %d with the console stalled", i).isEqualTo(200);
            assertThat(answer.body()).contains("\"text\":\"hi\"").contains("event: message_stop");
        }
        assertThat(console.stalledWrites()).as("the router tried to write to the stalled console").isPositive();

        console.resume();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (console.text().split("dev.ccr.requests", -1).length - 1 < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(console.text().split("dev.ccr.requests", -1).length - 1)
                .as("request lines written once the console reads again").isGreaterThanOrEqualTo(REQUESTS);
    }

    /** A console whose writes wait until {@link #resume()}, then keeps what it is given. */
    static final class StalledConsole extends OutputStream {
        private final CountDownLatch reading = new CountDownLatch(1);
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private volatile int stalledWrites;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (reading.getCount() > 0) {
                stalledWrites++;
                try {
                    reading.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (written) {
                written.write(bytes, offset, length);
            }
        }

        void resume() {
            reading.countDown();
        }

        int stalledWrites() {
            return stalledWrites;
        }

        String text() {
            synchronized (written) {
                return written.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
