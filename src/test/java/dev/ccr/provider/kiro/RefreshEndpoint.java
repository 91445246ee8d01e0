package dev.ccr.provider.kiro;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ccr.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/** A token refresh service on loopback that answers as a test says and records what it was sent. */
public final class RefreshEndpoint implements AutoCloseable {
    public record Answer(int status, String body) {
    }

    public record Call(String path, JsonNode body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Answer> answer = call -> new Answer(500, "{}");
    private volatile long delayMillis;
    private volatile CountDownLatch hold;

    public RefreshEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                Call call = new Call(exchange.getRequestURI().getPath(),
                        Json.parse(exchange.getRequestBody().readAllBytes()));
                calls.add(call);
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                CountDownLatch held = hold;
                if (held != null) {
                    held.await();
                }
                Answer a = answer.apply(call);
                byte[] bytes = a.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(a.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    /** A URL template for the refresher, with {region} in its path. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(Function<Call, Answer> answer) {
        this.answer = answer;
    }

    /** Answers every refresh with this new access token (and refresh token), valid for an hour. */
    public void grants(String accessToken, String refreshToken) {
        answer(call -> new Answer(200, "{\"accessToken\":\"" + accessToken + "\",\"refreshToken\":\"" + refreshToken
                + "\",\"expiresIn\":3600}"));
    }

    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** Answers only once the latch is released: a refresh that is still under way for as long as a test needs. */
    public void holdUntil(CountDownLatch release) {
        this.hold = release;
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
