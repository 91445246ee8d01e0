package dev.ccr.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.testing.MockUpstream;
import dev.ccr.testing.RouterHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claude Code → router → mock Anthropic provider for a scripted mix of requests, then /stats, /metrics, the dev.ccr
 * MBeans and the request log are read back through the real routes. The provider key is also sent as a model name:
 * it must show nowhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityEndToEndTest {
    static final String PROVIDER_KEY = "sk-ant-observe-e2e-key-0123456789";
    static final String ROUTER_KEY = "router-key-observe-e2e-0123456789";
    static final String WHOLE = "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":"
            + "\"text\",\"text\":\"hi\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}";
    static final String STREAM = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_2","type":"message","role":"assistant","content":[],"usage":{"input_tokens":20,"output_tokens":1}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":8}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    static MockUpstream upstream;
    static RouterHarness router;
    static LogCapture logs;
    final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @BeforeAll
    static void playTheMix() throws Exception {
        logs = new LogCapture(org.slf4j.Logger.ROOT_LOGGER_NAME);
        upstream = new MockUpstream().on("/v1/messages", (ex, req) -> {
            String body = req.bodyText();
            if (body.contains("claude-limited")) {
                MockUpstream.json(ex, 429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                        + "\"message\":\"slow down\"}}", Map.of());
            } else if (body.contains("\"stream\":true")) {
                MockUpstream.sse(STREAM, 50).handle(ex, req);
            } else {
                Thread.sleep(100);
                MockUpstream.json(ex, 200, WHOLE, Map.of());
            }
        });
        router = RouterHarness.start(Map.of(
                "ccr.api-key", ROUTER_KEY,
                "ccr.providers.anthropic.base-url", upstream.baseUrl(),
                "ccr.providers.anthropic.api-key", PROVIDER_KEY,
                "ccr.log.requests", "true",
                "ccr.log.provider-selection", "true"));
        for (int i = 0; i < 3; i++) {
            assertThat(send("claude-sonnet-4-5", false).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(send("claude-sonnet-4-5", true).statusCode()).isEqualTo(200);
        }
        assertThat(send("anthropic,claude-sonnet-4-5", false).statusCode()).isEqualTo(200);
        assertThat(send("claude-limited", false).statusCode()).isEqualTo(429);
        assertThat(send(PROVIDER_KEY, false).statusCode()).isEqualTo(200);
        router.resetProviders();
    }

    @AfterAll
    static void stop() {
        router.close();
        upstream.close();
        logs.close();
    }

    static HttpResponse<String> send(String model, boolean stream) throws Exception {
        return router.post("/v1/messages", "{\"model\":\"" + model + "\",\"max_tokens\":10,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", Map.of("x-api-key", ROUTER_KEY));
    }

    static HttpResponse<String> get(String path, boolean withKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(router.uri(path)).timeout(Duration.ofSeconds(10)).GET();
        if (withKey) {
            request.header("x-api-key", ROUTER_KEY);
        }
        return router.client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void statsCountTheMix() throws Exception {
        HttpResponse<String> response = get("/stats", true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode stats = Json.parse(response.body());

        assertThat(stats.path("totalRequests").asLong()).isEqualTo(8);
        assertThat(Json.MAPPER.convertValue(stats.path("categoryDistribution"), Map.class))
                .isEqualTo(Map.of("default", 7, "explicit", 1));
        assertThat(Json.MAPPER.convertValue(stats.path("providerDistribution"), Map.class))
                .isEqualTo(Map.of("anthropic", 8));
        JsonNode anthropic = stats.path("providers").path("anthropic");
        assertThat(anthropic.path("breaker").path("state").asText()).isEqualTo("CLOSED");
        assertThat(anthropic.path("inFlight").asInt()).isZero();
        JsonNode since = anthropic.path("sinceStart");
        assertThat(since.path("requests").asLong()).isEqualTo(8);
        assertThat(since.path("successes").asLong()).isEqualTo(7);
        assertThat(since.path("errorsByKind").path("429").asLong()).isEqualTo(1);
        assertThat(since.path("inputTokens").asLong()).isEqualTo(5 * 10 + 2 * 20);
        assertThat(since.path("outputTokens").asLong()).isEqualTo(5 * 5 + 2 * 8);
        assertThat(anthropic.path("recent").path("requests").asLong()).isEqualTo(8);
        assertThat(stats.path("models").has("anthropic,claude-sonnet-4-5")).isTrue();
        assertThat(stats.path("categories").path("explicit").path("sinceStart").path("successes").asLong())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void percentilesAreMonotonicAndPlausible() throws Exception {
        JsonNode since = Json.parse(get("/stats", true).body()).path("providers").path("anthropic")
                .path("sinceStart");
        for (String measure : List.of("latencyMs", "timeToFirstTokenMs")) {
            JsonNode p = since.path(measure);
            assertThat(p.path("samples").asLong()).as(measure).isEqualTo(7);
            assertThat(p.path("p50").asDouble()).as(measure).isLessThanOrEqualTo(p.path("p95").asDouble());
            assertThat(p.path("p95").asDouble()).as(measure).isLessThanOrEqualTo(p.path("p99").asDouble());
        }
        // whole answers wait 100 ms for the provider; streams take 5 pauses of 50 ms: 250 ms
        assertThat(since.path("latencyMs").path("p50").asDouble()).isBetween(95.0, 2000.0);
        assertThat(since.path("latencyMs").path("p99").asDouble()).isBetween(245.0, 5000.0);
        assertThat(since.path("timeToFirstTokenMs").path("p99").asDouble())
                .isLessThan(since.path("latencyMs").path("p99").asDouble());
    }

    @Test
    @Order(3)
    void statsAsTextAndOnlyWithTheRouterKey() throws Exception {
        HttpResponse<String> text = get("/stats?format=text", true);
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        assertThat(text.body()).contains("8 requests", "anthropic  breaker CLOSED", "ALL REQUESTS");

        assertThat(get("/stats", false).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", false).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void metricsAreValidPrometheusTextWithTheRouterMeters() throws Exception {
        HttpResponse<String> response = get("/metrics", true);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue(MetricsResponder.CONTENT_TYPE);
        String text = response.body();

        assertThat(text).contains(
                "ccr_requests_total{category=\"default\",model=\"claude-sonnet-4-5\",outcome=\"success\",provider=\"anthropic\"} 5.0",
                "ccr_requests_total{category=\"default\",model=\"claude-limited\",outcome=\"429\",provider=\"anthropic\"} 1.0",
                "ccr_requests_total{category=\"explicit\",model=\"claude-sonnet-4-5\",outcome=\"success\",provider=\"anthropic\"} 1.0",
                "ccr_provider_attempts_total{model=\"claude-limited\",outcome=\"429\",provider=\"anthropic\"} 1.0",
                "ccr_provider_in_flight{provider=\"anthropic\"} 0.0",
                "ccr_tokens_total{category=\"default\",model=\"claude-sonnet-4-5\",provider=\"anthropic\",type=\"input\"} 70.0",
                "ccr_request_duration_seconds_bucket{", "ccr_time_to_first_token_seconds_bucket{",
                "ccr_router_overhead_seconds_count 7",
                "resilience4j_circuitbreaker_state{name=\"anthropic\",state=\"closed\"} 1.0",
                "jvm_memory_used_bytes");
        Promtool.Result check = Promtool.check(text);
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    @Order(5)
    void camelManagementAndTheRouterMBeansAreInJmx() throws Exception {
        assertThat(server.queryNames(new ObjectName("org.apache.camel:type=context,*"), null)).isNotEmpty();
        ObjectName anthropic = new ObjectName("dev.ccr:type=Provider,name=anthropic");
        assertThat(server.getAttribute(anthropic, "Requests")).isEqualTo(8L);
        assertThat(server.getAttribute(anthropic, "RateLimited429")).isEqualTo(1L);
        assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("CLOSED");
        assertThat(server.getAttribute(new ObjectName("dev.ccr:type=Classifier"), "TotalRequests")).isEqualTo(8L);
    }

    @Test
    @Order(6)
    void oneRequestLogLinePerRequest() {
        List<String> lines = logs.lines(RequestLog.REQUESTS_LOGGER);
        assertThat(lines).hasSize(8);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("category=explicit", "provider=anthropic",
                "model=claude-sonnet-4-5", "status=200", "attempts=1", "input_tokens=10", "output_tokens=5"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("status=429", "outcome=429"));
        assertThat(logs.lines(RequestLog.SELECTION_LOGGER)).anySatisfy(l -> assertThat(l).contains("failed=429"));
    }

    @Test
    @Order(7)
    void noSecretInStatsMetricsJmxOrLogs() throws Exception {
        List<String> outputs = new ArrayList<>();
        outputs.add(get("/stats", true).body());
        outputs.add(get("/stats?format=text", true).body());
        outputs.add(get("/metrics", true).body());
        for (ObjectName name : server.queryNames(new ObjectName("dev.ccr:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                outputs.add(name + " " + attribute.getName() + "=" + server.getAttribute(name, attribute.getName()));
            }
        }
        outputs.addAll(logs.lines());

        assertThat(outputs).hasSizeGreaterThan(30).noneMatch(o -> o.contains(PROVIDER_KEY))
                .noneMatch(o -> o.contains(ROUTER_KEY));
        assertThat(String.join("\n", outputs)).as("the key sent as a model name shows masked").contains("[redacted]");
    }

    @Test
    @Order(8)
    void forceOpenThroughJmxTakesTheProviderOutAndResetPutsItBack() throws Exception {
        ObjectName anthropic = new ObjectName("dev.ccr:type=Provider,name=anthropic");
        try {
            server.invoke(anthropic, "forceOpen", new Object[0], new String[0]);
            assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("FORCED_OPEN");
            assertThat(send("claude-sonnet-4-5", false).statusCode()).isEqualTo(503);
            assertThat(Json.parse(get("/stats", true).body()).path("providers").path("anthropic").path("breaker")
                    .path("state").asText()).isEqualTo("FORCED_OPEN");
        } finally {
            server.invoke(anthropic, "resetBreaker", new Object[0], new String[0]);
        }
        assertThat(server.getAttribute(anthropic, "BreakerState")).isEqualTo("CLOSED");
        assertThat(send("claude-sonnet-4-5", false).statusCode()).isEqualTo(200);
    }
}
