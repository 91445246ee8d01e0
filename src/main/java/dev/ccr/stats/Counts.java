package dev.ccr.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one slice over one period: requests, successes, errors by kind, tokens, latency samples. */
final class Counts {
    final LongAdder requests = new LongAdder();
    final LongAdder successes = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final LongAdder inputTokens = new LongAdder();
    final LongAdder outputTokens = new LongAdder();
    final LongAdder latencySamples = new LongAdder();
    final LongAdder firstTokenSamples = new LongAdder();

    void outcome(String outcome) {
        if (Outcome.isSuccess(outcome)) {
            successes.increment();
        } else {
            errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        }
    }

    /** A sum of counts, e.g. the buckets of a window. */
    static final class Sum {
        long requests;
        long successes;
        final Map<String, Long> errors = new LinkedHashMap<>();
        long inputTokens;
        long outputTokens;
        long latencySamples;
        long firstTokenSamples;

        Sum() {
            Outcome.ERRORS.forEach(kind -> errors.put(kind, 0L));
        }

        Sum add(Counts counts) {
            requests += counts.requests.sum();
            successes += counts.successes.sum();
            counts.errors.forEach((kind, n) -> errors.merge(kind, n.sum(), Long::sum));
            inputTokens += counts.inputTokens.sum();
            outputTokens += counts.outputTokens.sum();
            latencySamples += counts.latencySamples.sum();
            firstTokenSamples += counts.firstTokenSamples.sum();
            return this;
        }
    }
}
