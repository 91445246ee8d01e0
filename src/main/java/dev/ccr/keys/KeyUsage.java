package dev.ccr.keys;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What each per-user key used on this instance since it started: requests, tokens and spend, for /stats, the panel
 * and /metrics (labelled by the key's name, never its secret; Prometheus sums the instances).
 */
public final class KeyUsage {
    private final MeterRegistry meters;
    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    public KeyUsage(MeterRegistry meters) {
        this.meters = meters;
    }

    /** One answered (or failed) request of the key. */
    void add(String key, long input, long output, long cache, BigDecimal dollars) {
        Totals t = totals.computeIfAbsent(key, ignored -> new Totals());
        t.requests.incrementAndGet();
        t.input.addAndGet(input);
        t.output.addAndGet(output);
        t.cache.addAndGet(cache);
        t.spend.accumulateAndGet(dollars, BigDecimal::add);
        Counter.builder("ccr.key.requests").description("Messages requests per user key").tag("key", key)
                .register(meters).increment();
        count(key, "input", input);
        count(key, "output", output);
        count(key, "cache", cache);
        if (dollars.signum() > 0) {
            Counter.builder("ccr.key.spend").description("US dollars spent per user key, where the model's price is known")
                    .baseUnit("dollars").tag("key", key).register(meters).increment(dollars.doubleValue());
        }
    }

    private void count(String key, String type, long tokens) {
        if (tokens > 0) {
            Counter.builder("ccr.key.tokens").description("Tokens per user key, as the client was told (cache: part of input)")
                    .tag("key", key).tag("type", type).register(meters).increment(tokens);
        }
    }

    /** Usage by key name, as JSON. */
    public ObjectNode toJson() {
        ObjectNode out = Json.MAPPER.createObjectNode();
        new TreeMap<>(totals).forEach((key, t) -> out.set(key, t.toJson()));
        return out;
    }

    ObjectNode toJson(String key) {
        return totals.getOrDefault(key, new Totals()).toJson();
    }

    private static final class Totals {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong input = new AtomicLong();
        final AtomicLong output = new AtomicLong();
        final AtomicLong cache = new AtomicLong();
        final AtomicReference<BigDecimal> spend = new AtomicReference<>(BigDecimal.ZERO);

        ObjectNode toJson() {
            ObjectNode node = Json.MAPPER.createObjectNode();
            node.put("requests", requests.get());
            node.put("inputTokens", input.get());
            node.put("outputTokens", output.get());
            node.put("cacheTokens", cache.get());
            node.put("spend", spend.get());
            return node;
        }
    }
}
