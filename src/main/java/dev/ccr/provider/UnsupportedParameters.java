package dev.ccr.provider;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request fields a provider refused as unsupported for one of its models, learnt from its 400 answers and left
 * out of every later call to that (provider, model) until the router restarts.
 */
public final class UnsupportedParameters {
    /** provider → model → refused fields. */
    private final Map<String, Map<String, Set<String>>> refused = new ConcurrentHashMap<>();

    /** Remembers a refusal; true when it is new. */
    public boolean remember(String provider, String model, String field) {
        return refused.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(model, m -> ConcurrentHashMap.newKeySet()).add(field);
    }

    public Set<String> refusedBy(String provider, String model) {
        Map<String, Set<String>> byModel = refused.get(provider);
        Set<String> fields = byModel == null ? null : byModel.get(model);
        return fields == null ? Set.of() : Set.copyOf(fields);
    }

    /** A provider's refusals by model, sorted, for /health/providers. */
    public Map<String, Set<String>> of(String provider) {
        Map<String, Set<String>> byModel = refused.getOrDefault(provider, Map.of());
        Map<String, Set<String>> sorted = new TreeMap<>();
        byModel.forEach((model, fields) -> sorted.put(model, new java.util.TreeSet<>(fields)));
        return sorted;
    }
}
