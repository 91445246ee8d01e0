package dev.ccr.router;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.ccr.router.TwoProviders.servedBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Providers that fail, stall or rate-limit, and what the client sees. */
class ResilienceTest {

    static String deadUrl() {
        return "http://127.0.0.1:" + RouterHarness.freePort();
    }

    static JsonNode error(HttpResponse<String> response) throws Exception {
        return Json.parse(response.body()).path("error");
    }

    @Test
    void aProviderRefusingConnectionsCostsTheUserNothing() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.base-url", deadUrl()))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.send("weighted", false, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(servedBy(response)).isEqualTo("secondary");
            }
            pool.shutdown();
        }
    }

    @Test
    void theBreakerOpensSkipsTheProviderThenProbesAndCloses() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            AtomicInteger primaryCalls = new AtomicInteger();
            p.primary.on("/v1/messages", (ex, req) -> {
                primaryCalls.incrementAndGet();
                MockUpstream.json(ex, 503, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}", Map.of());
            });
            CircuitBreaker breaker = p.router.providers().get("primary").breaker();

            for (int i = 0; i < 4; i++) {
                assertThat(servedBy(p.send("priority", false, null))).isEqualTo("secondary");
            }
            assertThat(primaryCalls.get()).isEqualTo(4);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

            // only calls made while the breaker is still open count (the open duration is short: a busy machine may
            // reach half-open before ten calls are done)
            int whileOpen = 0;
            while (whileOpen < 10 && breaker.getState() == CircuitBreaker.State.OPEN) {
                assertThat(servedBy(p.send("priority", false, null))).isEqualTo("secondary");
                if (breaker.getState() == CircuitBreaker.State.OPEN) {
                    whileOpen++;
                    assertThat(primaryCalls.get()).as("no calls while open").isEqualTo(4);
                }
            }
            assertThat(whileOpen).isPositive();

            p.primary.on("/v1/messages", (ex, req) -> {
                primaryCalls.incrementAndGet();
                MockUpstream.json(ex, 200, TwoProviders.OK, Map.of());
            });
            Thread.sleep(1300); // the open duration is 1 s
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);

            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("primary");
            assertThat(primaryCalls.get()).as("one probe").isEqualTo(5);
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Test
    void retryAfterTakesTheProviderOutOfRotationForThatLong() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            AtomicInteger primaryCalls = new AtomicInteger();
            p.primary.on("/v1/messages", (ex, req) -> {
                if (primaryCalls.incrementAndGet() == 1) {
                    MockUpstream.json(ex, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"wait\"}}",
                            Map.of("retry-after", "1"));
                } else {
                    MockUpstream.json(ex, 200, TwoProviders.OK, Map.of());
                }
            });

            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("secondary");
            for (int i = 0; i < 5; i++) {
                assertThat(servedBy(p.send("priority", false, null))).isEqualTo("secondary");
            }
            assertThat(primaryCalls.get()).isEqualTo(1);

            Thread.sleep(1100);
            assertThat(servedBy(p.send("priority", false, null))).isEqualTo("primary");
        }
    }

    @Test
    void whenEveryProviderRateLimitsTheClientGets429WithTheShortestRetryAfter() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            p.primary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 429,
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"a\"}}", Map.of("retry-after", "30")));
            p.secondary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 429,
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"b\"}}", Map.of("retry-after", "12")));

            HttpResponse<String> first = p.send("priority", false, null);
            HttpResponse<String> second = p.send("priority", false, null);

            for (HttpResponse<String> response : List.of(first, second)) {
                assertThat(response.statusCode()).isEqualTo(429);
                assertThat(error(response).path("type").asText()).isEqualTo("rate_limit_error");
                assertThat(Integer.parseInt(response.headers().firstValue("retry-after").orElseThrow()))
                        .isBetween(10, 12);
            }
        }
    }

    @Test
    void overloadStormsFailOverAndEndInA529WhenEverythingIsOverloaded() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            p.primary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 529,
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", Map.of()));
            for (int i = 0; i < 10; i++) {
                assertThat(p.send("weighted", true, null).statusCode()).isEqualTo(200);
            }
            p.secondary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 529,
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", Map.of()));
            p.router.resetProviders();

            HttpResponse<String> response = p.send("weighted", true, null);

            assertThat(response.statusCode()).isEqualTo(529);
            assertThat(error(response).path("type").asText()).isEqualTo("overloaded_error");
        }
    }

    @Test
    void allProvidersDownIsAFastOverloadedError() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.base-url", deadUrl(),
                "ccr.providers.secondary.base-url", deadUrl()))) {
            long start = System.nanoTime();
            HttpResponse<String> response = p.send("weighted", true, null);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(response.statusCode()).isEqualTo(529);
            assertThat(error(response).path("type").asText()).isEqualTo("overloaded_error");
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("key-0123456789");
        }
    }

    @Test
    void aProviderThatNeverAnswersHitsTheFirstByteTimeoutAndFailsOver() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.timeouts.first-byte", "500ms"))) {
            CountDownLatch release = new CountDownLatch(1);
            p.primary.on("/v1/messages", (ex, req) -> release.await(10, TimeUnit.SECONDS));
            long start = System.nanoTime();

            HttpResponse<String> response = p.send("priority", true, null);
            release.countDown();

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(servedBy(response)).isEqualTo("secondary");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void theConcurrencyLimitHoldsUnderParallelLoad() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.limits.max-concurrent-requests", "2",
                "ccr.router.threads", "32"))) {
            AtomicInteger concurrent = new AtomicInteger();
            AtomicInteger peak = new AtomicInteger();
            p.primary.on("/v1/messages", (ex, req) -> {
                peak.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                try {
                    OutputStream out = MockUpstream.startSse(ex);
                    Thread.sleep(300);
                    MockUpstream.writeFlushed(out, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
                } finally {
                    concurrent.decrementAndGet();
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(10);
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return p.send("priority", true, null);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            int onPrimary = 0;
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                onPrimary += servedBy(response).equals("primary") ? 1 : 0;
            }
            pool.shutdown();
            assertThat(peak.get()).isLessThanOrEqualTo(2);
            assertThat(onPrimary).isBetween(1, 9);
        }
    }

    @Test
    void aDisabledProviderGetsNoRequests() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of())) {
            p.router.providers().get("primary").setEnabled(false);
            for (int i = 0; i < 6; i++) {
                assertThat(servedBy(p.send("weighted", false, null))).isEqualTo("secondary");
            }
            assertThat(p.primary.received()).isEmpty();
        }
    }

    @Test
    void faultsLeakNoThreads() throws Exception {
        try (TwoProviders p = new TwoProviders(Map.of("ccr.providers.primary.base-url", deadUrl()))) {
            p.secondary.on("/v1/messages", (ex, req) -> {
                OutputStream out = MockUpstream.startSse(ex);
                MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
                throw new IllegalStateException("dropped mid-stream");
            });
            for (int i = 0; i < 10; i++) {
                p.send("round-robin", true, null); // warm up pools
            }
            Thread.sleep(500);
            int before = Thread.activeCount();

            for (int i = 0; i < 60; i++) {
                assertThat(p.send("round-robin", true, null).body()).contains("event: error");
            }
            Thread.sleep(1000);

            assertThat(Thread.activeCount()).isLessThanOrEqualTo(before + 8);
            assertThat(p.router.providers().get("secondary").inFlight()).isZero();
            assertThat(p.router.providers().get("primary").inFlight()).isZero();
        }
    }
}
