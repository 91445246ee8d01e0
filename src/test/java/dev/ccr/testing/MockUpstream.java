package dev.ccr.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on loopback that plays a provider: each path answers as a test scripts it (whole JSON, SSE
 * events written and flushed one by one, errors, stalls), and every request it receives is recorded.
 */
public final class MockUpstream implements AutoCloseable {

    /** How one request is answered. */
    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange exchange, Received request) throws Exception;
    }

    /** A request as the mock received it. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public MockUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A mock Anthropic that answers every {@code /v1/messages} with a minimal message. */
    public static MockUpstream answeringMessages() throws IOException {
        return new MockUpstream().on("/v1/messages", (ex, req) -> json(ex, 200, "{\"type\":\"message\",\"content\":[],"
                + "\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}", Map.of()));
    }

    /** Answers requests whose path starts with the prefix. */
    public MockUpstream on(String pathPrefix, Handler handler) {
        handlers.put(pathPrefix, handler);
        return this;
    }

    public List<Received> received() {
        return received;
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Received request = new Received(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body);
        received.add(request);
        Handler handler = handlers.entrySet().stream()
                .filter(e -> exchange.getRequestURI().getPath().startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue).orElse(null);
        try {
            if (handler == null) {
                json(exchange, 404, "{\"type\":\"error\",\"error\":{\"type\":\"not_found_error\",\"message\":\"mock has no "
                        + path + "\"}}", Map.of());
            } else {
                handler.handle(exchange, request);
            }
            exchange.close();
        } catch (IOException e) {
            // the router went away mid-answer: that is what some tests do on purpose
        } catch (Exception e) {
            // a handler that fails mid-answer drops the connection without ending the body, as a crashed provider would
            throw new IOException(e);
        }
    }

    /** Writes a whole JSON answer. */
    public static void json(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Starts a chunked SSE answer; write events with {@link #writeFlushed}. */
    public static OutputStream startSse(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("request-id", "req_mock");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    public static void writeFlushed(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A handler that streams the given SSE text event by event, pausing between events. */
    public static Handler sse(String sseBody, long pauseMillis) {
        return (exchange, request) -> {
            OutputStream out = startSse(exchange);
            for (String event : SseText.events(sseBody)) {
                writeFlushed(out, event);
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
