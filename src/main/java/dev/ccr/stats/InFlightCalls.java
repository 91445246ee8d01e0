package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Provider calls under way, per provider: one count that /stats, the metrics gauge and JMX all read. */
public final class InFlightCalls implements RequestObserver {
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public InFlightCalls(Collection<String> providers) {
        providers.forEach(this::counter);
    }

    @Override
    public void attemptStarted(RequestRecord record, Attempt attempt) {
        counter(attempt.provider()).incrementAndGet();
    }

    @Override
    public void attemptEnded(RequestRecord record, Attempt attempt, String outcome) {
        counter(attempt.provider()).decrementAndGet();
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
    }

    public int of(String provider) {
        AtomicInteger n = calls.get(provider);
        return n == null ? 0 : n.get();
    }

    public int total() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The live counter of a provider, for gauges that read it on each scrape. */
    public AtomicInteger counter(String provider) {
        return calls.computeIfAbsent(provider, k -> new AtomicInteger());
    }
}
