package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every request and provider call as Micrometer meters (named in docs/stats.md; Prometheus adds the unit and
 * _total suffixes). Histogram buckets are fixed boundaries chosen for LLM calls, so a series has a dozen buckets
 * rather than Micrometer's seventy.
 */
public final class RequestMetrics implements RequestObserver {
    static final Duration[] LATENCY_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600);
    static final Duration[] OVERHEAD_BUCKETS = seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1);

    private final MeterRegistry registry;
    private final InFlightCalls inFlight;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    public RequestMetrics(MeterRegistry registry, InFlightCalls inFlight, Collection<String> providers) {
        this.registry = registry;
        this.inFlight = inFlight;
        providers.forEach(this::gaugeInFlight);
    }

    @Override
    public void attemptStarted(RequestRecord record, Attempt attempt) {
        gaugeInFlight(attempt.provider());
    }

    @Override
    public void attemptEnded(RequestRecord record, Attempt attempt, String outcome) {
        Counter.builder("ccr.provider.attempts")
                .description("Calls to providers, failovers included, by how they ended")
                .tags("provider", attempt.provider(), "model", attempt.model(), "outcome", outcome)
                .register(registry).increment();
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
        Tags target = Tags.of("category", record.category(),
                "provider", attempt == null ? ModelLabels.NONE : attempt.provider(),
                "model", attempt == null ? ModelLabels.NONE : attempt.model());
        Counter.builder("ccr.requests").description("Client requests, by how they ended")
                .tags(target).tag("outcome", outcome).register(registry).increment();
        Timer.builder("ccr.request.duration").description("Client requests from arrival to last byte")
                .tags(target).tag("outcome", outcome).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (record.firstByteNanos() > 0) {
            Timer.builder("ccr.time.to.first.token").description("Arrival to the first byte of the answer")
                    .tags(target).serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry).record(record.firstByteNanos(), TimeUnit.NANOSECONDS);
        }
        countTokens(target, "input", record.inputTokens());
        countTokens(target, "output", record.outputTokens());
        long overhead = RouterOverhead.nanos(record);
        if (overhead >= 0) {
            Timer.builder("ccr.router.overhead")
                    .description("Time in the router itself up to the first byte, provider waits excluded")
                    .serviceLevelObjectives(OVERHEAD_BUCKETS)
                    .register(registry).record(overhead, TimeUnit.NANOSECONDS);
        }
    }

    private void countTokens(Tags target, String type, long tokens) {
        if (tokens > 0) {
            Counter.builder("ccr.tokens").description("Tokens of answered requests, as the client was told")
                    .tags(target).tag("type", type).register(registry).increment(tokens);
        }
    }

    private void gaugeInFlight(String provider) {
        if (gauged.add(provider)) {
            Gauge.builder("ccr.provider.in.flight", inFlight.counter(provider), Number::doubleValue)
                    .description("Calls to the provider under way").tag("provider", provider)
                    .register(registry);
        }
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return out;
    }
}
