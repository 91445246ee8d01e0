package dev.ccr.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import dev.ccr.testing.SseText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that stops reading or reads slowly, a provider that never ends, and what the body log shows. */
class BackpressureAndLimitsTest {
    static final String PROVIDER_KEY = "sk-ant-provider-secret-0123456789";
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", PROVIDER_KEY,
                // a second provider on the same mock, with a short limit on the whole answer
                "ccr.providers.slow.protocol", "anthropic",
                "ccr.providers.slow.base-url", upstream.baseUrl(),
                "ccr.providers.slow.api-key", PROVIDER_KEY,
                "ccr.providers.slow.timeouts.total", "3s",
                "ccr.log.request-bodies", "true",
                "ccr.log.response-bodies", "true",
                "ccr.log.body-max-chars", "2000"));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    /** A provider that writes {@code events} padded events as fast as it may; returns about how many bytes. */
    static long fastProvider(int events, String padding, AtomicLong written) {
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            for (int i = 0; i < events; i++) {
                String event = "event: ping\ndata: {\"type\":\"ping\",\"n\":" + i + ",\"pad\":\"" + padding + "\"}\n\n";
                MockUpstream.writeFlushed(out, event);
                written.addAndGet(event.length());
            }
        });
        return (long) events * (padding.length() + 40);
    }

    /** A streamed request on a raw socket with a small receive buffer, so the client decides how fast it reads. */
    static Socket streamRequest() throws Exception {
        byte[] body = "{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}".getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", router.port());
        socket.setReceiveBufferSize(64 * 1024);
        socket.getOutputStream().write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
        return socket;
    }

    @Test
    void aClientThatStopsReadingSlowsTheProviderDownAndGetsEverythingLater() throws Exception {
        int events = 4000;
        String padding = "x".repeat(8 * 1024);
        AtomicLong written = new AtomicLong();
        long total = fastProvider(events, padding, written);
        try (Socket socket = streamRequest()) {
            InputStream in = socket.getInputStream();
            in.read(new byte[1024]);

            Thread.sleep(2000); // the client reads nothing
            long whileStalled = written.get();
            assertThat(whileStalled).as("provider held back by the stalled client").isLessThan(total / 2);

            long received = 0;
            byte[] buffer = new byte[64 * 1024];
            socket.setSoTimeout(20_000);
            for (int n; received < total && (n = in.read(buffer)) > 0; ) {
                received += n;
            }
            assertThat(received).as("everything arrives once the client reads").isGreaterThanOrEqualTo(total);
        }
    }

    @Test
    void aSlowReaderHoldsTheProviderBackToItsOwnPace() throws Exception {
        // a provider that could send 50 MB at once, a client reading about 10 KB/s for 5 s
        int events = 6000;
        String padding = "y".repeat(8 * 1024);
        AtomicLong written = new AtomicLong();
        long total = fastProvider(events, padding, written);
        try (Socket socket = streamRequest()) {
            InputStream in = socket.getInputStream();
            long received = 0;
            byte[] buffer = new byte[1024];
            for (int tick = 0; tick < 50; tick++) { // 1 KB every 100 ms
                received += in.read(buffer);
                Thread.sleep(100);
            }

            assertThat(received).isLessThan(60_000);
            // what the provider got ahead of the client is only what socket buffers hold, not the 50 MB answer
            assertThat(written.get()).as("provider paced by the slow client").isLessThan(total / 4);
        }
    }

    @Test
    void anAnswerLongerThanTheTotalTimeoutEndsWithATimeoutError() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            for (int i = 0; i < 100; i++) {
                MockUpstream.writeFlushed(out, "event: ping\ndata: {\"type\":\"ping\"}\n\n");
                Thread.sleep(100);
            }
        });
        long start = System.nanoTime();

        HttpResponse<String> response = router.post("/v1/messages",
                "{\"model\":\"slow,m\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}", Map.of());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(8));
        assertThat(SseText.eventNames(response.body())).endsWith("error");
        assertThat(response.body()).contains("timeout_error");
    }

    @Test
    void bodiesAreLoggedWithSecretsMasked() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.ccr.bodies");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            upstream.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200,
                    "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"echo " + PROVIDER_KEY + "\"}]}", Map.of()));

            router.post("/v1/messages", "{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                    + "\"my key is sk-proj-abcdefghijklmnop and " + PROVIDER_KEY + "\"}]}", Map.of("x-api-key", "client-key-987654321"));
            Thread.sleep(300);

            String logged = String.join("\n", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertThat(logged).contains("request ").contains("response ").contains("my key is").contains("[redacted]");
            assertThat(logged).doesNotContain(PROVIDER_KEY).doesNotContain("sk-proj-abcdefghijklmnop")
                    .doesNotContain("client-key-987654321");
        } finally {
            logger.detachAppender(appender);
        }
    }
}
