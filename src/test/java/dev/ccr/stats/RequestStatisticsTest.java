package dev.ccr.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccr.json.Json;
import dev.ccr.provider.FailureKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RequestStatisticsTest {
    final StatisticsFixture fixture = new StatisticsFixture();
    final ScriptedRequests requests = fixture.requests;

    /** 10 requests: successes, a failover after 429, a connect failure, a broken stream, a refusal before any call. */
    void playMix() {
        for (int i = 0; i < 5; i++) {
            requests.success("default", "anthropic", "claude-sonnet", Duration.ofMillis(100), 10, 20);
        }
        for (int i = 0; i < 2; i++) {
            requests.request("thinking").attempt("anthropic", "claude-opus").fails("anthropic", FailureKind.RATE_LIMITED)
                    .attempt("backup", "claude-opus").answered(5, 7).ok();
        }
        requests.request("default").attempt("anthropic", "claude-sonnet").fails("anthropic", FailureKind.CONNECT)
                .end(502, FailureKind.CONNECT);
        requests.request("background").attempt("backup", "claude-haiku").answered(3, 1)
                .end(200, FailureKind.STREAM_BROKEN);
        requests.request("none").end(400, null);
    }

    @Test
    void countsAndDistributionsAfterAScriptedMix() {
        playMix();
        StatsSnapshot s = fixture.statistics.snapshot();

        assertThat(s.totalRequests()).isEqualTo(10);
        assertThat(s.categoryDistribution()).containsExactlyInAnyOrderEntriesOf(
                Map.of("default", 6L, "thinking", 2L, "background", 1L, "none", 1L));
        assertThat(s.providerDistribution()).containsExactlyInAnyOrderEntriesOf(Map.of("anthropic", 6L, "backup", 3L));
        assertThat(s.inFlight()).isZero();

        StatsSnapshot.Period anthropic = s.providers().get("anthropic").sinceStart();
        assertThat(anthropic.requests()).as("calls, the failed-over ones included").isEqualTo(8);
        assertThat(anthropic.successes()).isEqualTo(5);
        assertThat(anthropic.errorsByKind()).containsEntry("429", 2L).containsEntry("connect", 1L)
                .containsEntry("5xx", 0L);
        assertThat(anthropic.errors()).isEqualTo(3);
        assertThat(anthropic.inputTokens()).isEqualTo(50);
        assertThat(anthropic.outputTokens()).isEqualTo(100);

        StatsSnapshot.Period backup = s.providers().get("backup").sinceStart();
        assertThat(backup.requests()).isEqualTo(3);
        assertThat(backup.successes()).isEqualTo(2);
        assertThat(backup.errorsByKind()).containsEntry("stream_broken", 1L);
        assertThat(backup.inputTokens()).isEqualTo(13);

        StatsSnapshot.Period all = s.total().sinceStart();
        assertThat(all.requests()).isEqualTo(10);
        assertThat(all.successes()).isEqualTo(7);
        assertThat(all.errorsByKind()).containsEntry("connect", 1L).containsEntry("stream_broken", 1L)
                .containsEntry("4xx", 1L).containsEntry("429", 0L);
        assertThat(s.categories().get("thinking").sinceStart().successes()).isEqualTo(2);
        assertThat(s.categories().get("thinking").sinceStart().errors()).as("failed over, not failed").isZero();

        assertThat(s.models()).containsOnlyKeys("anthropic,claude-sonnet", "anthropic,claude-opus",
                "backup,claude-opus", "backup,claude-haiku");
        StatsSnapshot.ModelStats opus = s.models().get("anthropic,claude-opus");
        assertThat(opus.provider()).isEqualTo("anthropic");
        assertThat(opus.model()).isEqualTo("claude-opus");
        assertThat(opus.sinceStart().requests()).isEqualTo(2);
        assertThat(opus.sinceStart().errorsByKind()).containsEntry("429", 2L);
        assertThat(s.total().recent().requests()).as("all within the window").isEqualTo(10);
    }

    @Test
    void inFlightCountsOpenCallsAndAFailoverWithoutReportClosesTheFirst() {
        ScriptedRequests.Request request = requests.request("default").attempt("anthropic", "m");
        assertThat(fixture.statistics.snapshot().providers().get("anthropic").inFlight()).isEqualTo(1);

        request.attempt("backup", "m");  // no attemptFailed: the tracker must still close the first call
        StatsSnapshot s = fixture.statistics.snapshot();
        assertThat(s.providers().get("anthropic").inFlight()).isZero();
        assertThat(s.providers().get("backup").inFlight()).isEqualTo(1);
        assertThat(s.providers().get("anthropic").sinceStart().errorsByKind()).containsEntry("unavailable", 1L);

        request.answered(1, 1).ok();
        assertThat(fixture.statistics.snapshot().inFlight()).isZero();
        assertThat(fixture.tracker.following()).as("nothing left behind").isZero();
    }

    @Test
    void aFailureReportedByTheAttemptAndByTheEndIsCountedOnce() {
        requests.request("default").attempt("anthropic", "m").fails("anthropic", FailureKind.SERVER_ERROR)
                .end(502, FailureKind.SERVER_ERROR);

        StatsSnapshot s = fixture.statistics.snapshot();
        assertThat(s.providers().get("anthropic").sinceStart().errorsByKind()).containsEntry("5xx", 1L);
        assertThat(s.total().sinceStart().errorsByKind()).containsEntry("5xx", 1L);
    }

    @Test
    void percentilesAreMonotonicAndMatchKnownLatencies() {
        for (int ms = 1; ms <= 1000; ms++) {
            requests.success("default", "anthropic", "m", Duration.ofMillis(ms), 1, 1);
        }
        StatsSnapshot.Percentiles latency = fixture.statistics.snapshot().providers().get("anthropic")
                .sinceStart().latencyMs();

        assertThat(latency.samples()).isEqualTo(1000);
        assertThat(latency.p50()).isCloseTo(500, within(10.0));
        assertThat(latency.p95()).isCloseTo(950, within(15.0));
        assertThat(latency.p99()).isCloseTo(990, within(15.0));
        assertThat(latency.p50()).isLessThanOrEqualTo(latency.p95());
        assertThat(latency.p95()).isLessThanOrEqualTo(latency.p99());
        StatsSnapshot.Percentiles recent = fixture.statistics.snapshot().providers().get("anthropic").recent()
                .latencyMs();
        assertThat(recent.p50()).isCloseTo(500, within(10.0));
    }

    @Test
    void percentilesOfASkewedMixSeparateTheSlowTail() {
        for (int i = 0; i < 90; i++) {
            requests.success("default", "anthropic", "m", Duration.ofMillis(200), 1, 1);
        }
        for (int i = 0; i < 10; i++) {
            requests.success("default", "anthropic", "m", Duration.ofSeconds(20), 1, 1);
        }
        StatsSnapshot.Percentiles latency = fixture.statistics.snapshot().total().sinceStart().latencyMs();

        assertThat(latency.p50()).isCloseTo(200, within(4.0));
        assertThat(latency.p95()).isCloseTo(20_000, within(400.0));
        assertThat(latency.p99()).isCloseTo(20_000, within(400.0));
    }

    @Test
    void failedRequestsDoNotCountAsLatencySamples() {
        requests.request("default", Duration.ofMillis(5)).attempt("anthropic", "m")
                .fails("anthropic", FailureKind.RATE_LIMITED).end(429, FailureKind.RATE_LIMITED);

        StatsSnapshot.Percentiles latency = fixture.statistics.snapshot().total().sinceStart().latencyMs();
        assertThat(latency.samples()).isZero();
        assertThat(latency.p50()).isNull();
    }

    @Test
    void theRecentWindowForgetsWhatIsOlderThanFiveMinutes() {
        for (int i = 0; i < 3; i++) {
            requests.success("default", "anthropic", "m", Duration.ofSeconds(10), 1, 1);
        }
        fixture.clock.add(Duration.ofMinutes(3));
        requests.success("default", "anthropic", "m", Duration.ofMillis(100), 1, 1);
        assertThat(fixture.statistics.snapshot().total().recent().requests()).isEqualTo(4);

        fixture.clock.add(Duration.ofMinutes(3));
        StatsSnapshot s = fixture.statistics.snapshot();
        assertThat(s.total().sinceStart().requests()).isEqualTo(4);
        assertThat(s.total().recent().requests()).isEqualTo(1);
        assertThat(s.total().recent().latencyMs().p99()).as("the slow old requests are gone").isCloseTo(100,
                within(2.0));
        assertThat(s.total().sinceStart().latencyMs().p99()).isCloseTo(10_000, within(200.0));

        fixture.clock.add(Duration.ofMinutes(10));
        assertThat(fixture.statistics.snapshot().total().recent().requests()).isZero();
        assertThat(fixture.statistics.snapshot().uptimeSeconds()).isEqualTo(16 * 60);
    }

    @Test
    void breakerStatesAreReadLiveFromTheRegistry() {
        fixture.breakers.circuitBreaker("backup").transitionToOpenState();

        StatsSnapshot s = fixture.statistics.snapshot();
        assertThat(s.providers().get("backup").breaker().state()).isEqualTo("OPEN");
        assertThat(s.providers().get("anthropic").breaker().state()).isEqualTo("CLOSED");
        assertThat(s.providers().get("anthropic").breaker().failureRatePercent()).isEqualTo(-1f);
    }

    @Test
    void theJsonHasTheDocumentedFieldNames() throws Exception {
        playMix();
        JsonNode json = Json.parse(Json.string(fixture.statistics.snapshot()));

        assertThat(json.fieldNames()).toIterable().containsExactly("uptimeSeconds", "windowSeconds", "totalRequests",
                "inFlight", "providerDistribution", "categoryDistribution", "total", "providers", "categories",
                "models");
        JsonNode anthropic = json.path("providers").path("anthropic");
        assertThat(anthropic.fieldNames()).toIterable().containsExactly("inFlight", "breaker", "sinceStart", "recent");
        assertThat(anthropic.path("breaker").fieldNames()).toIterable().containsExactly("state",
                "failureRatePercent", "bufferedCalls", "failedCalls", "notPermittedCalls");
        JsonNode period = anthropic.path("sinceStart");
        assertThat(period.fieldNames()).toIterable().containsExactly("requests", "successes", "errors",
                "errorsByKind", "latencyMs", "timeToFirstTokenMs", "inputTokens", "outputTokens");
        assertThat(period.path("errorsByKind").fieldNames()).toIterable().containsExactly("connect", "timeout", "4xx",
                "429", "5xx", "stream_broken", "unavailable");
        assertThat(period.path("latencyMs").fieldNames()).toIterable().containsExactly("samples", "p50", "p95",
                "p99");
        assertThat(json.path("categories").path("thinking").fieldNames()).toIterable()
                .containsExactly("sinceStart", "recent");
        assertThat(json.path("models").path("backup,claude-opus").fieldNames()).toIterable()
                .containsExactly("provider", "model", "sinceStart", "recent");
        assertThat(json.path("categoryDistribution").path("default").asLong()).isEqualTo(6);
    }

    @Test
    void theTextViewShowsEverySliceWithItsNumbers() {
        playMix();
        String text = StatsText.render(fixture.statistics.snapshot());

        assertThat(text).contains("10 requests").contains("anthropic  breaker CLOSED, 0 in flight")
                .contains("backup,claude-haiku").contains("thinking").contains("last 5 min").contains("since start")
                .contains("429 2").contains("connect 1");
    }

    @Test
    void formatTextIsChosenByTheQueryOnly() {
        assertThat(StatsResponder.wantsText("format=text")).isTrue();
        assertThat(StatsResponder.wantsText("x=1&format=text")).isTrue();
        assertThat(StatsResponder.wantsText("format=json")).isFalse();
        assertThat(StatsResponder.wantsText(null)).isFalse();
    }
}
