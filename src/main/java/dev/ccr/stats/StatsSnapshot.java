package dev.ccr.stats;

import java.util.Map;

/**
 * What GET /stats returns (as JSON, field names as here) and what the text view and JMX read. Field names are a
 * contract: they are listed in docs/stats.md.
 *
 * @param uptimeSeconds        since the statistics started
 * @param windowSeconds        the length of the "recent" period
 * @param totalRequests        requests ended since start
 * @param inFlight             provider calls under way now
 * @param providerDistribution requests ended per provider that answered last (the seeds' shape)
 * @param categoryDistribution requests ended per category (the seeds' shape)
 * @param total                every request
 * @param providers            per configured provider: its calls, failovers included
 * @param categories           per category: its requests
 * @param models               per "provider,model": its calls
 */
public record StatsSnapshot(long uptimeSeconds, long windowSeconds, long totalRequests, long inFlight,
                            Map<String, Long> providerDistribution, Map<String, Long> categoryDistribution,
                            Periods total, Map<String, ProviderStats> providers, Map<String, Periods> categories,
                            Map<String, ModelStats> models) {

    /** One slice since start and over the recent window. */
    public record Periods(Period sinceStart, Period recent) {
    }

    /**
     * @param latencyMs          arrival to last byte, of successful requests
     * @param timeToFirstTokenMs arrival to the first byte of the answer, of successful requests
     */
    public record Period(long requests, long successes, long errors, Map<String, Long> errorsByKind,
                         Percentiles latencyMs, Percentiles timeToFirstTokenMs, long inputTokens,
                         long outputTokens) {
    }

    /** Percentiles in milliseconds; null when the period has no sample. */
    public record Percentiles(long samples, Double p50, Double p95, Double p99) {
    }

    public record ProviderStats(int inFlight, Breaker breaker, Period sinceStart, Period recent) {
    }

    /** The provider's circuit breaker; failure rate -1 until it has seen enough calls. */
    public record Breaker(String state, float failureRatePercent, int bufferedCalls, int failedCalls,
                          long notPermittedCalls) {
    }

    public record ModelStats(String provider, String model, Period sinceStart, Period recent) {
    }
}
