package dev.ccr.testing;

import com.sun.net.httpserver.HttpServer;
import dev.ccr.transform.codewhisperer.EventStreamFrames;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A mock CodeWhisperer account served by a separate JVM, so a test can kill it the way a crashed provider dies
 * (SIGKILL: the kernel drops its sockets mid-answer, new connections are refused). It answers every
 * generateAssistantResponse with AWS event-stream frames, pausing between them so calls are under way when it dies.
 */
public final class MockCodeWhispererProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private MockCodeWhispererProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the mock in its own JVM on a free loopback port; {@code pauseMillis} between its frames. */
    public static MockCodeWhispererProcess start(String account, long pauseMillis) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), MockCodeWhispererProcess.class.getName(), account,
                Long.toString(pauseMillis))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("port ")) {
            process.destroyForcibly();
            throw new IOException("mock CodeWhisperer did not start: " + line);
        }
        return new MockCodeWhispererProcess(process, Integer.parseInt(line.substring(5).trim()));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, as a crashed or OOM-killed provider host; returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static void main(String[] args) throws IOException {
        String account = args[0];
        long pauseMillis = Long.parseLong(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/generateAssistantResponse", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("content-type", "application/vnd.amazon.eventstream");
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                for (String word : new String[]{"hello ", "from ", account}) {
                    body.write(EventStreamFrames.event("assistantResponseEvent", Map.of("content", word)));
                    body.flush();
                    pause(pauseMillis);
                }
                body.write(EventStreamFrames.event("metadataEvent", Map.of("tokenUsage",
                        Map.of("uncachedInputTokens", 12, "outputTokens", 4, "totalTokens", 16))));
            }
        });
        server.start();
        System.out.println("port " + server.getAddress().getPort());
        System.out.flush();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
