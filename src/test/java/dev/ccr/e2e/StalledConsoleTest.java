package dev.ccr.e2e;

import dev.ccr.testing.Captures;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    static final String STREAM = Captures.responseBody("mock_response_stream_text.txt");
    static final int REQUESTS = 40;

    MockUpstream upstream;
    RouterHarness router;
    PrintStream realOut;
    StalledConsole console;

    @BeforeEach
    void start() throws Exception {
        upstream = new MockUpstream().on("/v1/messages", MockUpstream.sse(STREAM, 0));
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "sk-ant-stalled-console-test-0123456789"));
        realOut = System.out;
        console = new StalledConsole();
    }

    @AfterEach
    void stop() {
        console.resume();
        System.setOut(realOut);
        router.close();
        upstream.close();
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
            assertThat(answer.body()).isEqualTo(String.join("", SseText.events(STREAM)));
        }
        assertThat(console.stalledWrites()).as("the router tried to write to the stalled console").isPositive();

        console.resume();

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (console.occurrences("dev.ccr.requests") < REQUESTS && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(console.occurrences("dev.ccr.requests"))
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

        /** How many times the text was written (e.g. a logger's name: how many lines it logged). */
        int occurrences(String text) {
            String all;
            synchronized (written) {
                all = written.toString(StandardCharsets.UTF_8);
            }
            return all.split(java.util.regex.Pattern.quote(text), -1).length - 1;
        }
    }
}
