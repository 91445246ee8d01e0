package dev.ccr.shared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RedisServer;
import dev.ccr.testing.TeamGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two router instances, A and B, sharing one real redis-server: what is changed, spent or revoked through one holds on
 * the other, and losing Redis costs no request.
 */
class SharedStateTest {
    /** Each answer of the metered provider reports 45 tokens; its budget is 100 a minute. */
    static final String METERED_OK = "{\"type\":\"message\",\"content\":[],\"usage\":{\"input_tokens\":40,\"output_tokens\":5}}";

    @TempDir
    static Path dir;
    static RedisServer redis;
    static MockUpstream primary;
    static MockUpstream secondary;
    static MockUpstream metered;
    static MockUpstream throttled;
    /** Holds each call until the test lets one through: calls stay in flight as long as a test needs. */
    static MockUpstream gated;
    static final Semaphore gate = new Semaphore(0);
    static TeamGateway a;
    static TeamGateway b;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServer.startOrSkip();
        primary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TeamGateway.OK, Map.of()));
        secondary = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, TeamGateway.OK, Map.of()));
        metered = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 200, METERED_OK, Map.of()));
        throttled = new MockUpstream().on("/v1/messages", (ex, req) -> MockUpstream.json(ex, 429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}",
                Map.of("retry-after", "30")));
        gated = new MockUpstream().on("/v1/messages", (ex, req) -> {
            if (!gate.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let this call through");
            }
            MockUpstream.json(ex, 200, TeamGateway.OK, Map.of());
        });
        Map<String, String> shared = Map.ofEntries(
                Map.entry("ccr.providers.gated.protocol", "anthropic"),
                Map.entry("ccr.providers.gated.base-url", gated.baseUrl()),
                Map.entry("ccr.providers.gated.api-key", "provider-secret-0123456789"),
                Map.entry("ccr.providers.gated.limits.max-concurrent-requests", "2"),
                Map.entry("ccr.providers.throttled.protocol", "anthropic"),
                Map.entry("ccr.providers.throttled.base-url", throttled.baseUrl()),
                Map.entry("ccr.providers.throttled.api-key", "provider-secret-0123456789"),
                Map.entry("ccr.redis.url", redis.url()),
                Map.entry("ccr.providers.metered.protocol", "anthropic"),
                Map.entry("ccr.providers.metered.base-url", metered.baseUrl()),
                Map.entry("ccr.providers.metered.api-key", "provider-secret-0123456789"),
                Map.entry("ccr.providers.metered.limits.max-tokens-per-minute", "100"));
        a = new TeamGateway(primary, secondary, Files.createDirectory(dir.resolve("a")), "team", shared);
        b = new TeamGateway(primary, secondary, Files.createDirectory(dir.resolve("b")), "team", shared);
        for (TeamGateway instance : List.of(a, b)) {
            eventually(Duration.ofSeconds(10), () -> redisState(instance).equals("up"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{a, b, primary, secondary, metered, throttled, gated, redis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aRoutingChangeMadeOnAIsServedByB() throws Exception {
        String request = TeamGateway.MESSAGE.replace("claude-sonnet-4-5", "team-model-x");
        HttpResponse<String> change = a.admin("PUT", "/admin/routing",
                "{\"modelMap\":{\"team-model-x\":\"secondary,claude-haiku-4-5\"}}");

        assertThat(change.statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(1), () -> provider(b, request, "session-for-model-map").equals("secondary")
                && b.getJson("/admin/routing").path("modelMap").has("team-model-x"));
    }

    @Test
    void aTokenBudgetIsSpentByBothInstancesTogether() throws Exception {
        String pinned = TeamGateway.MESSAGE.replace("claude-sonnet-4-5", "metered,claude-sonnet-4-5");

        HttpResponse<String> first = a.message(TeamGateway.ADMIN_KEY, pinned);
        HttpResponse<String> second = b.message(TeamGateway.ADMIN_KEY, pinned);
        HttpResponse<String> third = a.message(TeamGateway.ADMIN_KEY, pinned);

        // 45 + 45 tokens of 100: A alone would still have room for a third call of the same size
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(third.statusCode()).as(third.body()).isEqualTo(529);
        assertThat(third.body()).contains("over its budget of 100 tokens per minute");
        assertThat(third.headers().firstValue("retry-after")).isPresent();
    }

    @Test
    void aRetryAfterPauseLearntOnAIsKeptByB() throws Exception {
        String pinned = TeamGateway.MESSAGE.replace("claude-sonnet-4-5", "throttled,claude-sonnet-4-5");

        HttpResponse<String> onA = a.message(TeamGateway.ADMIN_KEY, pinned);
        eventually(Duration.ofSeconds(1), () -> b.getJson("/health/providers").toString().contains("retry-after"));
        HttpResponse<String> onB = b.message(TeamGateway.ADMIN_KEY, pinned);

        assertThat(onA.statusCode()).isEqualTo(429);
        // B never asked the provider: it kept the pause A was told of, and answers as for any paused provider
        assertThat(onB.statusCode()).as(onB.body()).isEqualTo(529);
        assertThat(onB.body()).contains("paused at the provider's request");
        assertThat(throttled.received()).hasSize(1);
        assertThat(Long.parseLong(onB.headers().firstValue("retry-after").orElseThrow())).isBetween(20L, 30L);
    }

    @Test
    void theSameSessionLandsOnTheSameProviderThroughAAndB() throws Exception {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String session = "team-session-" + i;
            String viaA = provider(a, TeamGateway.MESSAGE, session);
            String viaB = provider(b, TeamGateway.MESSAGE, session);
            assertThat(viaB).as(session).isEqualTo(viaA);
            seen.add(viaA);
        }
        // a hash of the session id, not one provider for everything
        assertThat(seen).contains("primary", "secondary");
    }

    @Test
    void aKeyOverItsQuotaIsRefusedOnBothAndARevokedKeyOnBothWithinASecond() throws Exception {
        String secret = a.createKey("{\"name\":\"shared-quota\",\"limits\":{\"requestsPerMinute\":2}}");
        eventually(Duration.ofSeconds(1), () -> b.getJson("/admin/keys").toString().contains("shared-quota"));

        int first = a.message(secret).statusCode();
        int second = b.message(secret).statusCode();
        HttpResponse<String> onA = a.message(secret);
        HttpResponse<String> onB = b.message(secret);

        assertThat(first).isEqualTo(200);
        assertThat(second).isEqualTo(200);
        assertThat(onA.statusCode()).isEqualTo(429);
        assertThat(onB.statusCode()).isEqualTo(429);
        assertThat(onB.headers().firstValue("retry-after")).isPresent();

        String other = a.createKey("{\"name\":\"shared-revoked\"}");
        eventually(Duration.ofSeconds(1), () -> b.message(other).statusCode() == 200);
        assertThat(b.admin("DELETE", "/admin/keys/shared-revoked", null).statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(1), () -> a.message(other).statusCode() == 401);
        assertThat(b.message(other).statusCode()).isEqualTo(401);
    }

    @Test
    void losingRedisUnderLoadFailsNoRequestAndItsReturnRestoresSharing() throws Exception {
        String secret = a.createKey("{\"name\":\"under-load\",\"limits\":{\"requestsPerMinute\":100000}}");
        eventually(Duration.ofSeconds(1), () -> b.getJson("/admin/keys").toString().contains("under-load"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<List<Integer>>> clients = new ArrayList<>();
        for (TeamGateway instance : List.of(a, b, a, b)) {
            clients.add(load.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                while (running.get()) {
                    statuses.add(instance.message(secret).statusCode());
                    statuses.add(instance.message(TeamGateway.ADMIN_KEY).statusCode());
                }
                return statuses;
            }));
        }
        try {
            Thread.sleep(500);
            redis.stop();
            eventually(Duration.ofSeconds(5), () -> redisState(a).equals("down") && redisState(b).equals("down"));
            Thread.sleep(500);
            redis.start();
            eventually(Duration.ofSeconds(10), () -> redisState(a).equals("up") && redisState(b).equals("up"));
            Thread.sleep(300);
        } finally {
            running.set(false);
            load.shutdown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : clients) {
            statuses.addAll(client.get());
        }
        assertThat(statuses).hasSizeGreaterThan(20).containsOnly(200);

        // sharing is back: a change on B reaches A, and the keys are in the new Redis again
        String request = TeamGateway.MESSAGE.replace("claude-sonnet-4-5", "after-outage-model");
        assertThat(b.admin("PUT", "/admin/routing", "{\"modelMap\":{\"after-outage-model\":\"primary,claude-haiku-4-5\"}}")
                .statusCode()).isEqualTo(200);
        eventually(Duration.ofSeconds(1), () -> a.getJson("/admin/routing").path("modelMap").has("after-outage-model"));
        assertThat(provider(a, request, "after-outage")).isEqualTo("primary");
        assertThat(a.message(secret).statusCode()).isEqualTo(200);
    }

    @Test
    void aConcurrencyLimitHoldsForBothInstancesTogetherAndForEachAloneWhileRedisIsAway() throws Exception {
        ExecutorService clients = Executors.newCachedThreadPool();
        try {
            eventually(Duration.ofSeconds(5), () -> concurrencyLimit(a).equals("all instances")
                    && concurrencyLimit(b).equals("all instances"));
            // two calls in flight through A take both slots: B refuses a third until one of them ends
            List<Future<HttpResponse<String>>> onA = List.of(inFlight(clients, a), inFlight(clients, a));
            HttpResponse<String> refused = b.message(TeamGateway.ADMIN_KEY, GATED);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
            assertThat(refused.body()).contains("at its limit of 2 concurrent requests");
            assertThat(concurrencyLimit(b)).isEqualTo("all instances");
            gate.release();
            Future<HttpResponse<String>> onB = admittedEventually(clients, b);
            gate.release(2);
            assertThat(statuses(onA, List.of(onB))).containsOnly(200);

            // Redis away: each instance counts its own calls against the limit again
            redis.stop();
            eventually(Duration.ofSeconds(5), () -> redisState(a).equals("down") && redisState(b).equals("down"));
            assertThat(concurrencyLimit(a)).isEqualTo("this instance");
            List<Future<HttpResponse<String>>> alone = new ArrayList<>();
            for (TeamGateway instance : List.of(a, a, b, b)) {
                alone.add(inFlight(clients, instance));
            }
            assertThat(a.message(TeamGateway.ADMIN_KEY, GATED).statusCode()).isEqualTo(529);
            assertThat(b.message(TeamGateway.ADMIN_KEY, GATED).statusCode()).isEqualTo(529);
            gate.release(4);
            assertThat(statuses(alone)).containsOnly(200);

            // Redis back (empty, as after a restart without persistence): the limit is shared again
            redis.start();
            eventually(Duration.ofSeconds(10), () -> concurrencyLimit(a).equals("all instances")
                    && concurrencyLimit(b).equals("all instances"));
            List<Future<HttpResponse<String>>> again = List.of(inFlight(clients, b), inFlight(clients, b));
            HttpResponse<String> refusedAgain = a.message(TeamGateway.ADMIN_KEY, GATED);
            gate.release(2);
            assertThat(refusedAgain.statusCode()).as(refusedAgain.body()).isEqualTo(529);
            assertThat(statuses(again)).containsOnly(200);
        } finally {
            gate.release(100);
            clients.shutdown();
            gate.drainPermits();
        }
    }

    static final String GATED = TeamGateway.MESSAGE.replace("claude-sonnet-4-5", "gated,claude-sonnet-4-5");

    /** A call through the instance that the gated provider holds: returns once the provider has it. */
    private static Future<HttpResponse<String>> inFlight(ExecutorService clients, TeamGateway instance) throws Exception {
        int before = gated.received().size();
        Future<HttpResponse<String>> call = clients.submit(() -> instance.message(TeamGateway.ADMIN_KEY, GATED));
        eventually(Duration.ofSeconds(5), () -> gated.received().size() > before || call.isDone());
        assertThat(call.isDone()).as("refused: " + (call.isDone() ? call.get().body() : "")).isFalse();
        return call;
    }

    /**
     * A call through the instance once a slot is free again: the slot of a call that ended goes back to Redis just
     * after its answer, so a call at that very moment may still be refused.
     */
    private static Future<HttpResponse<String>> admittedEventually(ExecutorService clients, TeamGateway instance)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            int before = gated.received().size();
            Future<HttpResponse<String>> call = clients.submit(() -> instance.message(TeamGateway.ADMIN_KEY, GATED));
            eventually(Duration.ofSeconds(5), () -> gated.received().size() > before || call.isDone());
            if (!call.isDone()) {
                return call;
            }
            assertThat(call.get().statusCode()).as(call.get().body()).isEqualTo(529);
            if (System.nanoTime() > end) {
                throw new AssertionError("no slot came free: " + call.get().body());
            }
            Thread.sleep(20);
        }
    }

    @SafeVarargs
    private static List<Integer> statuses(List<Future<HttpResponse<String>>>... calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (List<Future<HttpResponse<String>>> list : calls) {
            for (Future<HttpResponse<String>> call : list) {
                statuses.add(call.get(20, TimeUnit.SECONDS).statusCode());
            }
        }
        return statuses;
    }

    private static String concurrencyLimit(TeamGateway instance) throws Exception {
        for (JsonNode provider : instance.getJson("/health/providers").path("providers")) {
            if (provider.path("name").asText().equals("gated")) {
                return provider.path("concurrencyLimit").path("countedBy").asText();
            }
        }
        throw new AssertionError("no provider 'gated' in /health/providers");
    }

    private static String redisState(TeamGateway instance) throws Exception {
        JsonNode health = Json.parse(instance.admin("GET", "/health/providers", null).body());
        return health.path("sharedState").path("redis").asText();
    }

    private static String provider(TeamGateway instance, String body, String session) throws Exception {
        HttpResponse<String> response = instance.router.post("/v1/messages", body,
                Map.of("x-api-key", TeamGateway.ADMIN_KEY, "X-Claude-Code-Session-Id", session));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("x-ccr-provider").orElse("none");
    }

    /** Polls until the condition holds, failing after the deadline (the deadline is the requirement tested). */
    interface Check {
        boolean holds() throws Exception;
    }

    static void eventually(Duration deadline, Check check) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline);
            }
            Thread.sleep(20);
        }
    }
}
