package dev.ccr.stats;

import dev.ccr.provider.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMetricsTest {
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    final MeterRegistryFactory.Meters meters = MeterRegistryFactory.create(breakers);
    final PrometheusMeterRegistry registry = meters.registry();
    final InFlightCalls inFlight = new InFlightCalls(List.of("anthropic", "backup"));
    final ScriptedRequests requests = new ScriptedRequests(new AttemptTracker(
            List.of(inFlight, new RequestMetrics(registry, inFlight, List.of("anthropic", "backup"))),
            new ModelLabels(100)));

    RequestMetricsTest() {
        breakers.circuitBreaker("anthropic");
        breakers.circuitBreaker("backup");
    }

    @AfterEach
    void close() {
        registry.close();
    }

    void playMix() {
        for (int i = 0; i < 4; i++) {
            requests.success("default", "anthropic", "claude-sonnet", Duration.ofMillis(300), 10, 20);
        }
        requests.request("thinking", Duration.ofSeconds(3)).attempt("anthropic", "claude-opus")
                .fails("anthropic", FailureKind.RATE_LIMITED).attempt("backup", "claude-opus").answered(5, 7).ok();
        requests.request("default").attempt("anthropic", "claude-sonnet").fails("anthropic", FailureKind.TIMEOUT)
                .end(504, FailureKind.TIMEOUT);
    }

    @Test
    void requestsLatencyTokensAndAttemptsAreTaggedByCategoryProviderModelAndOutcome() {
        playMix();
        String text = registry.scrape();

        assertThat(text).contains(
                "ccr_requests_total{category=\"default\",model=\"claude-sonnet\",outcome=\"success\",provider=\"anthropic\"} 4.0",
                "ccr_requests_total{category=\"default\",model=\"claude-sonnet\",outcome=\"timeout\",provider=\"anthropic\"} 1.0",
                "ccr_requests_total{category=\"thinking\",model=\"claude-opus\",outcome=\"success\",provider=\"backup\"} 1.0",
                "ccr_provider_attempts_total{model=\"claude-opus\",outcome=\"429\",provider=\"anthropic\"} 1.0",
                "ccr_tokens_total{category=\"default\",model=\"claude-sonnet\",provider=\"anthropic\",type=\"output\"} 80.0",
                "ccr_provider_in_flight{provider=\"backup\"} 0.0");
        // 4 requests of 300 ms: all under the 0.5 s bucket, none under 0.25 s
        assertThat(text).contains(
                "ccr_request_duration_seconds_bucket{category=\"default\",model=\"claude-sonnet\",outcome=\"success\",provider=\"anthropic\",le=\"0.25\"} 0",
                "ccr_request_duration_seconds_bucket{category=\"default\",model=\"claude-sonnet\",outcome=\"success\",provider=\"anthropic\",le=\"0.5\"} 4",
                "ccr_request_duration_seconds_count{category=\"default\",model=\"claude-sonnet\",outcome=\"success\",provider=\"anthropic\"} 4");
        assertThat(text).contains("ccr_time_to_first_token_seconds_bucket", "ccr_router_overhead_seconds_bucket",
                "resilience4j_circuitbreaker_state{name=\"anthropic\",state=\"closed\"} 1.0",
                "jvm_memory_used_bytes", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void inFlightGaugeFollowsOpenCalls() {
        ScriptedRequests.Request open = requests.request("default").attempt("backup", "m");
        assertThat(registry.scrape()).contains("ccr_provider_in_flight{provider=\"backup\"} 1.0");
        open.answered(1, 1).ok();
        assertThat(registry.scrape()).contains("ccr_provider_in_flight{provider=\"backup\"} 0.0");
    }

    @Test
    void theExpositionParsesWithPrometheusOwnParser() throws Exception {
        playMix();
        Promtool.Result result = Promtool.check(registry.scrape());

        // exit 0: parsed, no lint problem; exit 3: parsed with lint warnings only; 1: the text does not parse
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void promtoolRejectsABrokenExposition() throws Exception {
        Promtool.Result result = Promtool.check("ccr_requests_total{category=\"default\" 1\n");

        assertThat(result.exitCode()).as("the check can fail").isNotZero();
    }
}
