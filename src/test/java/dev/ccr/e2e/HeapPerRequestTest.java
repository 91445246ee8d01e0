package dev.ccr.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a large request costs the router's heap while it waits for its provider: a few concurrent 20 MiB requests are
 * held in flight by a provider that has read their bodies but not answered yet, and the heap (after a full GC) may grow
 * by at most {@link #BOUND_PER_REQUEST} bodies per request. The provider here discards what it reads, so every byte
 * measured is the router's. Issue #12 asks for no more than the body per request in flight.
 */
class HeapPerRequestTest {
    static final int BODY_BYTES = 20 * 1024 * 1024;
    static final int IN_FLIGHT = 3;
    /**
     * The parsed JSON only (the client's bytes are let go once parsed, and the provider call serialises the tree as
     * the socket takes it), plus a fifth of a body of slack for the GC's view of the heap; measured 1.02 here, 2.2
     * when the client's bytes were kept beside the tree, 3.2 when the provider call copied them once more.
     */
    static final double BOUND_PER_REQUEST = 1.2;

    @Test
    void largeRequestsInFlightCostAtMostAboutTheirBodyEach() throws Exception {
        CountDownLatch bodiesRead = new CountDownLatch(IN_FLIGHT + 1);
        CountDownLatch answer = new CountDownLatch(1);
        CountDownLatch warmUpAnswer = new CountDownLatch(0);
        ExecutorService threads = Executors.newCachedThreadPool();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.setExecutor(threads);
        CountDownLatch[] gate = {warmUpAnswer};
        provider.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                CountDownLatch release = gate[0];
                bodiesRead.countDown();
                release.await(60, TimeUnit.SECONDS);
                byte[] ok = ("{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("content-type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        provider.start();
        byte[] body = RequestSizeTest.requestOfSize(BODY_BYTES);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (RouterHarness router = RouterHarness.start(Map.of(
                "ccr.providers.anthropic.base-url", "http://127.0.0.1:" + provider.getAddress().getPort(),
                "ccr.providers.anthropic.api-key", "provider-key-123456"))) {
            // warm-up: one request through every step, so pools and caches exist before the baseline
            assertThat(send(client, router, body).get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            gate[0] = answer;
            long baseline = heapAfterGc();

            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                inFlight.add(send(client, router, body));
            }
            assertThat(bodiesRead.await(60, TimeUnit.SECONDS)).as("the provider read every body").isTrue();
            long held = heapAfterGc();
            answer.countDown();
            for (var response : inFlight) {
                assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }

            double perRequest = (double) (held - baseline) / IN_FLIGHT / BODY_BYTES;
            System.out.printf("heap per 20 MiB request in flight: %.2f bodies (%d MiB)%n", perRequest,
                    (held - baseline) / IN_FLIGHT / (1024 * 1024));
            assertThat(perRequest).as("heap growth per request in flight, in bodies").isLessThan(BOUND_PER_REQUEST);
        } finally {
            answer.countDown();
            provider.stop(0);
            threads.shutdownNow();
        }
    }

    static CompletableFuture<HttpResponse<String>> send(HttpClient client, RouterHarness router, byte[] body) {
        return client.sendAsync(HttpRequest.newBuilder(router.uri("/v1/messages")).timeout(Duration.ofSeconds(90))
                .header("content-type", "application/json")
                // streamed from the one shared array: ofByteArray would copy it per request, in this same JVM
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body)), body.length))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Heap in use once everything unreachable is collected (a few GCs: one may leave work for the next). */
    static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
