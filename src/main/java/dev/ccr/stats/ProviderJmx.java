package dev.ccr.stats;

import dev.ccr.router.ProviderStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.util.Optional;
import java.util.function.Function;

/** The {@link ProviderMXBean} of one provider, reading {@link RequestStatistics} and the breaker live. */
final class ProviderJmx implements ProviderMXBean {
    private final String name;
    private final RequestStatistics statistics;
    private final CircuitBreakerRegistry breakers;
    private final ProviderStatus status;

    ProviderJmx(String name, RequestStatistics statistics, CircuitBreakerRegistry breakers, ProviderStatus status) {
        this.name = name;
        this.statistics = statistics;
        this.breakers = breakers;
        this.status = status;
    }

    private StatsSnapshot.ProviderStats stats() {
        return statistics.provider(name);
    }

    private long sinceStart(Function<StatsSnapshot.Period, Long> field) {
        return field.apply(stats().sinceStart());
    }

    private long errors(String kind) {
        return stats().sinceStart().errorsByKind().getOrDefault(kind, 0L);
    }

    private Optional<CircuitBreaker> breaker() {
        return breakers.find(name);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getBreakerState() {
        return breaker().map(b -> b.getState().name()).orElse("NONE");
    }

    @Override
    public float getBreakerFailureRatePercent() {
        return breaker().map(b -> b.getMetrics().getFailureRate()).orElse(-1f);
    }

    @Override
    public int getCallsInFlight() {
        return stats().inFlight();
    }

    @Override
    public long getRequests() {
        return sinceStart(StatsSnapshot.Period::requests);
    }

    @Override
    public long getSuccesses() {
        return sinceStart(StatsSnapshot.Period::successes);
    }

    @Override
    public long getErrors() {
        return sinceStart(StatsSnapshot.Period::errors);
    }

    @Override
    public long getConnectErrors() {
        return errors(Outcome.CONNECT);
    }

    @Override
    public long getTimeoutErrors() {
        return errors(Outcome.TIMEOUT);
    }

    @Override
    public long getClientErrors4xx() {
        return errors(Outcome.CLIENT_ERROR);
    }

    @Override
    public long getRateLimited429() {
        return errors(Outcome.RATE_LIMITED);
    }

    @Override
    public long getServerErrors5xx() {
        return errors(Outcome.SERVER_ERROR);
    }

    @Override
    public long getBrokenStreams() {
        return errors(Outcome.STREAM_BROKEN);
    }

    @Override
    public long getUnavailableErrors() {
        return errors(Outcome.UNAVAILABLE);
    }

    @Override
    public Double getLatencyP50Millis() {
        return stats().sinceStart().latencyMs().p50();
    }

    @Override
    public Double getLatencyP95Millis() {
        return stats().sinceStart().latencyMs().p95();
    }

    @Override
    public Double getLatencyP99Millis() {
        return stats().sinceStart().latencyMs().p99();
    }

    @Override
    public Double getTimeToFirstTokenP50Millis() {
        return stats().sinceStart().timeToFirstTokenMs().p50();
    }

    @Override
    public Double getTimeToFirstTokenP95Millis() {
        return stats().sinceStart().timeToFirstTokenMs().p95();
    }

    @Override
    public Double getTimeToFirstTokenP99Millis() {
        return stats().sinceStart().timeToFirstTokenMs().p99();
    }

    @Override
    public long getInputTokens() {
        return sinceStart(StatsSnapshot.Period::inputTokens);
    }

    @Override
    public long getOutputTokens() {
        return sinceStart(StatsSnapshot.Period::outputTokens);
    }

    @Override
    public long getRequestsLast5Minutes() {
        return stats().recent().requests();
    }

    @Override
    public long getErrorsLast5Minutes() {
        return stats().recent().errors();
    }

    @Override
    public void resetBreaker() {
        breaker().ifPresent(CircuitBreaker::reset);
    }

    @Override
    public void forceOpen() {
        breaker().ifPresent(CircuitBreaker::transitionToForcedOpenState);
    }

    @Override
    public boolean isEnabled() {
        return status.enabled();
    }

    @Override
    public void enable() {
        status.setEnabled(true);
        status.resume();
    }

    @Override
    public void disable() {
        status.setEnabled(false);
    }
}
