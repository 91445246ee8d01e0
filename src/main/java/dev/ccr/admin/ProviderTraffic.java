package dev.ccr.admin;

import dev.ccr.provider.FailureKind;
import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls sent to each provider (every attempt, failovers included), the failed ones, and the time each
 * answered one took to the provider's answer head: one more reader of the request events statistics read. The
 * counters only grow: the panel turns the difference between two reads into a rate and an average latency.
 */
final class ProviderTraffic implements RequestListener {
    /** One provider's totals since start. */
    record Totals(long calls, long errors, long latencyMillis) {
    }

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    @Override
    public void attemptStarted(RequestRecord record) {
        counters(record.provider()).calls.increment();
    }

    @Override
    public void attemptAnswered(RequestRecord record, long nanos) {
        counters(record.provider()).latencyMillis.add(nanos / 1_000_000);
    }

    @Override
    public void attemptFailed(RequestRecord record, String provider, FailureKind kind) {
        counters(provider).errors.increment();
    }

    @Override
    public void ended(RequestRecord record, long nanos) {
    }

    private Counters counters(String provider) {
        return counters.computeIfAbsent(provider, p -> new Counters());
    }

    Totals totals(String provider) {
        Counters c = counters.get(provider);
        return c == null ? new Totals(0, 0, 0) : new Totals(c.calls.sum(), c.errors.sum(), c.latencyMillis.sum());
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder latencyMillis = new LongAdder();
    }
}
