package dev.ccr.e2e;

import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that trickle, idle or pile up are ended (short timeouts configured here, loopback only), while an
 * answer being streamed to a client that sends nothing is never cut.
 */
class IngressTimeoutsTest {
    static final int CAP = 40;
    static MockUpstream upstream;
    static RouterHarness router;

    @BeforeAll
    static void start() throws Exception {
        upstream = new MockUpstream();
        router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", "provider-key-123456",
                "ccr.ingress.request-read-timeout", "1s",
                "ccr.ingress.idle-timeout", "2s",
                "ccr.ingress.max-connections", Integer.toString(CAP)));
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
    }

    static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", router.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** Everything the router sends until it closes the connection (or the read times out). */
    static String readUntilClosed(Socket socket) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0; ) {
            all.write(buffer, 0, n);
        }
        return all.toString(StandardCharsets.UTF_8);
    }

    /** Reads one response whose end is recognised by its last characters. */
    static String readUntil(Socket socket, String end) throws IOException {
        StringBuilder text = new StringBuilder();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; !text.toString().endsWith(end) && (n = in.read(buffer)) > 0; ) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    @Test
    void clientsTricklingTheirHeadersGetA408AndAreClosed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = connect();
                write(socket, "POST /v1/messages HTTP/1.1\r\n");
                slow.add(socket);
            }
            long start = System.nanoTime();
            // a header byte every 200 ms: the connections are never idle, the request never complete
            for (int tick = 0; tick < 10; tick++) {
                for (Socket socket : slow) {
                    try {
                        write(socket, "X");
                    } catch (IOException closed) {
                        // already ended by the router
                    }
                }
                Thread.sleep(200);
            }
            for (Socket socket : slow) {
                String answer = readUntilClosed(socket);
                assertThat(answer).startsWith("HTTP/1.1 408").contains("\"timeout_error\"");
            }
            assertThat(System.nanoTime() - start).as("closed long before the test's 10 s read limit")
                    .isLessThan(8_000_000_000L);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void anIdleKeptAliveConnectionServesAgainWithinTheIdleTimeoutAndIsClosedAfterIt() throws Exception {
        try (Socket socket = connect()) {
            write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(readUntil(socket, "{\"status\":\"ok\"}")).startsWith("HTTP/1.1 200");
            Thread.sleep(1000);
            write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertThat(readUntil(socket, "{\"status\":\"ok\"}")).startsWith("HTTP/1.1 200");

            long idleSince = System.nanoTime();
            assertThat(readUntilClosed(socket)).isEmpty();
            assertThat(System.nanoTime() - idleSince).isGreaterThan(1_500_000_000L).isLessThan(8_000_000_000L);
        }
    }

    @Test
    void aStreamSilentLongerThanBothTimeoutsIsNotCut() throws Exception {
        upstream.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\","
                    + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}}\n\n");
            for (int i = 0; i < 6; i++) {
                Thread.sleep(i == 2 ? 3000 : 300); // 3 s of silence: longer than the read and the idle timeout
                MockUpstream.writeFlushed(out, "event: ping\ndata: {\"type\":\"ping\"}\n\n");
            }
            MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        });
        String body = "{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}";
        try (Socket socket = connect()) {
            write(socket, "POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body);

            String answer = readUntil(socket, "0\r\n\r\n");

            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(answer.split("event: ping", -1)).hasSize(7);
            assertThat(answer).contains("event: message_stop");
        }
    }

    @Test
    void aConnectionOverTheCapIsAnsweredOverloadedAndClosed() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                open.add(connect());
            }
            Thread.sleep(300); // the router has accepted them all

            try (Socket extra = connect()) {
                write(extra, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                String answer = readUntilClosed(extra);
                assertThat(answer).startsWith("HTTP/1.1 503").contains("\"overloaded_error\"").containsIgnoringCase("retry-after");
            }
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        Thread.sleep(300); // the router has seen them close
        assertThat(router.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aSilentNewConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            try {
                assertThat(readUntilClosed(socket)).isEmpty();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a connection that never sent a request stayed open", e);
            }
        }
    }
}
