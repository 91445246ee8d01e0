package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import io.micrometer.core.instrument.Clock;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The statistics of one slice of traffic (all requests, a provider, a category, a provider's model), since start
 * and over the recent window.
 */
final class Slice {
    private final Counts sinceStart = new Counts();
    private final RecentCounts recent;
    private final LatencyHistogram latency;
    private final LatencyHistogram recentLatency;
    private final LatencyHistogram firstToken;
    private final LatencyHistogram recentFirstToken;

    Slice(Clock clock, Duration window, int buckets) {
        this.recent = new RecentCounts(clock, buckets);
        this.latency = LatencyHistogram.sinceStart(clock);
        this.recentLatency = LatencyHistogram.window(clock, window, buckets);
        this.firstToken = LatencyHistogram.sinceStart(clock);
        this.recentFirstToken = LatencyHistogram.window(clock, window, buckets);
    }

    void started() {
        count(c -> c.requests.increment());
    }

    void ended(String outcome) {
        count(c -> c.outcome(outcome));
    }

    /** A request's measures: durations only of successful ones (a fast refusal says nothing of speed). */
    void measured(RequestRecord record, String outcome, long nanos) {
        long input = record.inputTokens();
        long output = record.outputTokens();
        count(c -> {
            c.inputTokens.add(input);
            c.outputTokens.add(output);
        });
        if (!Outcome.isSuccess(outcome)) {
            return;
        }
        double millis = nanos / 1e6;
        latency.record(millis);
        recentLatency.record(millis);
        count(c -> c.latencySamples.increment());
        if (record.firstByteNanos() > 0) {
            double firstMillis = record.firstByteNanos() / 1e6;
            firstToken.record(firstMillis);
            recentFirstToken.record(firstMillis);
            count(c -> c.firstTokenSamples.increment());
        }
    }

    StatsSnapshot.Period sinceStart() {
        return period(new Counts.Sum().add(sinceStart), latency, firstToken);
    }

    StatsSnapshot.Period recent() {
        return period(recent.sum(), recentLatency, recentFirstToken);
    }

    StatsSnapshot.Periods periods() {
        return new StatsSnapshot.Periods(sinceStart(), recent());
    }

    private void count(Consumer<Counts> update) {
        update.accept(sinceStart);
        recent.add(update);
    }

    private static StatsSnapshot.Period period(Counts.Sum sum, LatencyHistogram latency, LatencyHistogram firstToken) {
        long errors = sum.errors.values().stream().mapToLong(Long::longValue).sum();
        return new StatsSnapshot.Period(sum.requests, sum.successes, errors, sum.errors,
                latency.percentiles(sum.latencySamples), firstToken.percentiles(sum.firstTokenSamples),
                sum.inputTokens, sum.outputTokens);
    }
}
