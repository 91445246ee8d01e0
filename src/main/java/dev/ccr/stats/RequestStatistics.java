package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Clock;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The numbers behind GET /stats and the JMX beans, kept in memory: every request by category, and every provider
 * call by provider and by (provider, model). A provider's "requests" are its calls, so a failover counts once for
 * each provider tried; a category's are the client's requests. Breaker states are read live from the registry.
 */
public final class RequestStatistics implements RequestObserver {
    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int BUCKETS = 5;

    private final Clock clock;
    private final long startMillis;
    private final CircuitBreakerRegistry breakers;
    private final Slice total;
    private final SliceMap providers;
    private final SliceMap categories;
    private final SliceMap models;
    private final Map<String, ModelKey> modelKeys = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> providerDistribution = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> categoryDistribution = new ConcurrentHashMap<>();
    private final InFlightCalls inFlight;

    private record ModelKey(String provider, String model) {
    }

    /**
     * @param inFlight      the calls under way (updated by the tracker, read here)
     * @param providerNames the configured providers, listed even before their first call
     */
    public RequestStatistics(Clock clock, CircuitBreakerRegistry breakers, InFlightCalls inFlight,
                             Collection<String> providerNames) {
        this.clock = clock;
        this.inFlight = inFlight;
        this.startMillis = clock.wallTime();
        this.breakers = breakers;
        this.total = newSlice();
        this.providers = new SliceMap(this::newSlice);
        this.categories = new SliceMap(this::newSlice);
        this.models = new SliceMap(this::newSlice);
        providerNames.forEach(providers::get);
    }

    private Slice newSlice() {
        return new Slice(clock, WINDOW, BUCKETS);
    }

    @Override
    public void attemptStarted(RequestRecord record, Attempt attempt) {
        providers.get(attempt.provider()).started();
        model(attempt).started();
    }

    @Override
    public void attemptEnded(RequestRecord record, Attempt attempt, String outcome) {
        providers.get(attempt.provider()).ended(outcome);
        model(attempt).ended(outcome);
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
        for (Slice slice : new Slice[]{total, categories.get(record.category())}) {
            slice.started();
            slice.ended(outcome);
            slice.measured(record, outcome, nanos);
        }
        categoryDistribution.computeIfAbsent(record.category(), k -> new LongAdder()).increment();
        if (attempt != null) {
            providerDistribution.computeIfAbsent(attempt.provider(), k -> new LongAdder()).increment();
            providers.get(attempt.provider()).measured(record, outcome, nanos);
            model(attempt).measured(record, outcome, nanos);
        }
    }

    private Slice model(Attempt attempt) {
        String key = attempt.provider() + "," + attempt.model();
        modelKeys.putIfAbsent(key, new ModelKey(attempt.provider(), attempt.model()));
        return models.get(key);
    }

    public StatsSnapshot snapshot() {
        return new StatsSnapshot(
                (clock.wallTime() - startMillis) / 1000,
                WINDOW.toSeconds(),
                total.sinceStart().requests(),
                inFlight.total(),
                sums(providerDistribution),
                sums(categoryDistribution),
                total.periods(),
                providers.view((name, slice) -> provider(name, slice)),
                categories.view((name, slice) -> slice.periods()),
                models.view((key, slice) -> new StatsSnapshot.ModelStats(modelKeys.get(key).provider(),
                        modelKeys.get(key).model(), slice.sinceStart(), slice.recent())));
    }

    /** One provider's statistics, or null if it is unknown. */
    public StatsSnapshot.ProviderStats provider(String name) {
        return providers.has(name) ? provider(name, providers.get(name)) : null;
    }

    /** One category's statistics, or null if it has seen no request. */
    public StatsSnapshot.Periods category(String name) {
        return categories.has(name) ? categories.get(name).periods() : null;
    }

    public long totalRequests() {
        return total.sinceStart().requests();
    }

    public Map<String, Long> categoryDistribution() {
        return sums(categoryDistribution);
    }

    private StatsSnapshot.ProviderStats provider(String name, Slice slice) {
        return new StatsSnapshot.ProviderStats(inFlight.of(name),
                breakers.find(name).map(RequestStatistics::breaker).orElse(null), slice.sinceStart(), slice.recent());
    }

    private static StatsSnapshot.Breaker breaker(CircuitBreaker breaker) {
        CircuitBreaker.Metrics m = breaker.getMetrics();
        return new StatsSnapshot.Breaker(breaker.getState().name(), m.getFailureRate(), m.getNumberOfBufferedCalls(),
                m.getNumberOfFailedCalls(), m.getNumberOfNotPermittedCalls());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new TreeMap<>();
        counters.forEach((name, n) -> out.put(name, n.sum()));
        return out;
    }
}
