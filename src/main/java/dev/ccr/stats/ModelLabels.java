package dev.ccr.stats;

import dev.ccr.error.Redactor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns model names into labels for statistics and metrics. A model name comes from the client's request, so it is
 * redacted, and the number of distinct labels is capped: past the cap, new names count as {@code other} instead of
 * growing /stats, JMX and the Prometheus series without bound.
 */
public final class ModelLabels {
    public static final String NONE = "none";
    public static final String OTHER = "other";
    private static final int MAX_LENGTH = 100;

    private final int cap;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public ModelLabels(int cap) {
        this.cap = cap;
    }

    public String label(String model) {
        if (model == null || model.isBlank()) {
            return NONE;
        }
        String label = Redactor.redact(model.length() > MAX_LENGTH ? model.substring(0, MAX_LENGTH) : model);
        if (known.contains(label)) {
            return label;
        }
        synchronized (known) {
            if (known.size() >= cap) {
                return OTHER;
            }
            known.add(label);
            return label;
        }
    }
}
