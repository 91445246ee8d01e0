package dev.ccr.router.classify;

import dev.ccr.catalog.ModelKeys;

/**
 * One spelling for the many ways a model is named: {@code Claude-Sonnet-4.5}, {@code claude-sonnet-4-5} and
 * {@code claude-sonnet-4-5-20250929} all become {@code claude-sonnet-4-5}. Clients and users write version dots
 * or dashes and add or drop the release date, and a map entry should not depend on which.
 */
public final class ModelNames {
    private ModelNames() {
    }

    public static String normalise(String model) {
        // the model catalog matches model ids the same way
        return ModelKeys.normalise(model);
    }
}
