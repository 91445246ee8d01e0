package dev.ccr.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request fields a provider refused for one of its models, learnt from its 400 answers: left out of (or, for a
 * limit, lowered in) every later call to that (provider, model) until the router restarts.
 */
public final class UnsupportedParameters {
    /** provider → model → field → refusal. */
    private final Map<String, Map<String, Map<String, ParameterRefusal>>> refused = new ConcurrentHashMap<>();

    /** Remembers a refusal; true when it is new. */
    public boolean remember(String provider, String model, ParameterRefusal refusal) {
        return !refusal.equals(refused.computeIfAbsent(provider, p -> new ConcurrentHashMap<>())
                .computeIfAbsent(model, m -> new ConcurrentHashMap<>()).put(refusal.field(), refusal));
    }

    /** Applies what a (provider, model) refused to a call's body; true when the body changed. */
    public boolean applyTo(String provider, ObjectNode body) {
        Map<String, Map<String, ParameterRefusal>> byModel = refused.get(provider);
        Map<String, ParameterRefusal> fields = byModel == null ? null : byModel.get(body.path("model").asText());
        boolean changed = false;
        if (fields != null) {
            for (ParameterRefusal refusal : fields.values()) {
                changed |= apply(refusal, body);
            }
        }
        return changed;
    }

    /** Leaves out a refused field, or lowers it to the most the provider takes; true when the body changed. */
    static boolean apply(ParameterRefusal refusal, ObjectNode body) {
        if (!body.has(refusal.field())) {
            return false;
        }
        if (refusal.maximum() == null) {
            body.remove(refusal.field());
            return true;
        }
        if (body.path(refusal.field()).asLong() > refusal.maximum()) {
            body.put(refusal.field(), refusal.maximum());
            return true;
        }
        return false;
    }

    public boolean any(String provider) {
        return refused.containsKey(provider);
    }

    /** A provider's refusals by model ("reasoning_effort", "max_tokens at most 16384"), sorted, for /health/providers. */
    public Map<String, List<String>> of(String provider) {
        Map<String, List<String>> sorted = new TreeMap<>();
        refused.getOrDefault(provider, Map.of()).forEach((model, fields) -> sorted.put(model,
                fields.values().stream().map(ParameterRefusal::toString).sorted().toList()));
        return sorted;
    }
}
