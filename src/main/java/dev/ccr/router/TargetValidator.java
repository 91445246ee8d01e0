package dev.ccr.router;

import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;

/** Checks that a routing target names a configured provider and a model that provider serves. */
public final class TargetValidator {
    private TargetValidator() {
    }

    /** Throws {@link IllegalArgumentException} naming the bad value. */
    public static void check(ProviderRegistry providers, String provider, String model) {
        ProviderSettings settings = providers.find(provider)
                .orElseThrow(() -> new IllegalArgumentException("unknown provider '" + provider
                        + "' (configured: " + String.join(", ", providers.names()) + ")"))
                .settings();
        if (model != null && !settings.serves(model)) {
            throw new IllegalArgumentException("provider '" + provider + "' does not list model '" + model
                    + "' (its models: " + String.join(", ", settings.models()) + ")");
        }
    }
}
