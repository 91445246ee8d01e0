package dev.ccr.stats;

import dev.ccr.request.RequestRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Calls per category and target (provider and model), failovers included: how a category's balancer has spread its
 * requests, for {@code GET /metrics/load-balancing}.
 */
public final class TargetTraffic implements RequestObserver {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public void attemptStarted(RequestRecord record, Attempt attempt) {
        calls.computeIfAbsent(key(record.category(), attempt.provider(), attempt.model()), k -> new LongAdder())
                .increment();
    }

    @Override
    public void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos) {
    }

    public long calls(String category, String provider, String model) {
        LongAdder adder = calls.get(key(category, provider, model));
        return adder == null ? 0 : adder.sum();
    }

    private static String key(String category, String provider, String model) {
        return category + "\n" + provider + "\n" + model;
    }
}
