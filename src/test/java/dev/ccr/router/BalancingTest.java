package dev.ccr.router;

import dev.ccr.testing.MockUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.ccr.router.TwoProviders.servedBy;
import static org.assertj.core.api.Assertions.assertThat;

/** How each balancing strategy spreads requests over two healthy providers. */
class BalancingTest {
    static TwoProviders providers;

    @BeforeAll
    static void start() throws Exception {
        providers = new TwoProviders(Map.of());
    }

    @AfterAll
    static void stop() {
        providers.close();
    }

    @BeforeEach
    void healthyProviders() {
        providers.router.resetProviders();
        for (MockUpstream mock : List.of(providers.primary, providers.secondary)) {
            mock.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TwoProviders.OK, Map.of()));
        }
    }

    Map<String, Integer> distribution(String strategy, int requests) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpResponse<String> response = providers.send(strategy, false, null);
            assertThat(response.statusCode()).isEqualTo(200);
            counts.merge(servedBy(response), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void weightedSplitsSeventyThirty() throws Exception {
        Map<String, Integer> counts = distribution("weighted", 100);

        assertThat(counts.get("primary")).isBetween(65, 75);
        assertThat(counts.get("secondary")).isBetween(25, 35);
    }

    @Test
    void weightedWithoutARatioUsesTheProvidersWeights() throws Exception {
        Map<String, Integer> counts = distribution("provider-weighted", 40);

        assertThat(counts.get("primary")).isEqualTo(30);
        assertThat(counts.get("secondary")).isEqualTo(10);
    }

    @Test
    void roundRobinAlternates() throws Exception {
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(servedBy(providers.send("round-robin", false, null)));
        }
        assertThat(order).containsExactly("primary", "secondary", "primary", "secondary", "primary", "secondary");
    }

    @Test
    void camelsOwnRoundRobinFailoverAlsoWorksWithProviderTargets() throws Exception {
        Map<String, Integer> counts = distribution("camel-failover", 10);

        assertThat(counts).containsEntry("primary", 5).containsEntry("secondary", 5);
    }

    @Test
    void priorityAlwaysPrefersTheFirst() throws Exception {
        assertThat(distribution("priority", 10)).containsOnlyKeys("primary");
    }

    @Test
    void stickySessionsNeverMoveWhileHealthy() throws Exception {
        Map<String, String> firstProvider = new HashMap<>();
        for (int round = 0; round < 5; round++) {
            for (int s = 0; s < 8; s++) {
                String session = "session-" + s;
                String provider = servedBy(providers.send("sticky", false, session));
                assertThat(firstProvider.putIfAbsent(session, provider)).as(session).isIn(null, provider);
            }
        }
        assertThat(firstProvider.values()).contains("primary", "secondary");
    }

    @Test
    void leastConnectionsAvoidsTheProviderBusyWithAStream() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch streaming = new CountDownLatch(1);
        providers.primary.on("/v1/messages", (ex, req) -> {
            OutputStream out = MockUpstream.startSse(ex);
            MockUpstream.writeFlushed(out, "event: message_start\ndata: {\"type\":\"message_start\"}\n\n");
            streaming.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        HttpResponse<InputStream> held = providers.router.client().send(HttpRequest.newBuilder(
                        providers.router.uri("/v1/messages")).header("X-Test-Strategy", "least-connections")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"max_tokens\":5,\"stream\":true,\"messages\":[]}"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try {
            assertThat(held.headers().firstValue("x-ccr-provider")).hasValue("primary");
            assertThat(streaming.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(distribution("least-connections", 5)).containsOnlyKeys("secondary");
        } finally {
            release.countDown();
            held.body().close();
        }
    }

    @Test
    void responseTimePrefersTheFasterProvider() throws Exception {
        providers.primary.on("/v1/messages", (ex, req) -> {
            Thread.sleep(600); // far beyond any scheduling noise on a busy machine
            MockUpstream.json(ex, 200, TwoProviders.OK, Map.of());
        });
        distribution("response-time", 4); // both get measured

        Map<String, Integer> counts = distribution("response-time", 20);

        assertThat(counts.getOrDefault("secondary", 0)).isGreaterThanOrEqualTo(16);
    }

    @Test
    void everyTurnOfOneSessionLandsOnOneProviderOfASeventyThirtyRoute() throws Exception {
        for (int s = 0; s < 10; s++) {
            String session = "conversation-" + s;
            java.util.Set<String> served = new java.util.HashSet<>();
            for (int turn = 0; turn < 8; turn++) {
                served.add(servedBy(providers.send("session-weighted", false, session)));
            }
            assertThat(served).as(session).hasSize(1);
        }
    }

    @Test
    void sessionsSplitSeventyThirty() throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (int s = 0; s < 300; s++) {
            counts.merge(servedBy(providers.send("session-weighted", false, java.util.UUID.randomUUID().toString())),
                    1, Integer::sum);
        }
        // 300 independent sessions at p = 0.7: ±3.5 standard deviations
        assertThat(counts.get("primary")).isBetween(182, 238);
        assertThat(counts.get("secondary")).isBetween(62, 118);
    }

    @Test
    void aSessionMovesOnlyWhileItsProviderIsDownAndThenComesBack() throws Exception {
        String session = null;
        for (int s = 0; session == null; s++) {
            if ("primary".equals(servedBy(providers.send("session-weighted", false, "moving-" + s)))) {
                session = "moving-" + s;
            }
        }
        providers.primary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 503,
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}", Map.of()));
        for (int turn = 0; turn < 3; turn++) {
            assertThat(servedBy(providers.send("session-weighted", false, session))).isEqualTo("secondary");
        }

        // back once the primary can take calls again (here its breaker, opened by the failures, lets a probe through)
        providers.primary.on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TwoProviders.OK, Map.of()));
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        String servedAfter = servedBy(providers.send("session-weighted", false, session));
        while (!"primary".equals(servedAfter) && System.nanoTime() < deadline) {
            assertThat(servedAfter).isEqualTo("secondary");
            Thread.sleep(200);
            servedAfter = servedBy(providers.send("session-weighted", false, session));
        }
        assertThat(servedAfter).isEqualTo("primary");
    }
}
