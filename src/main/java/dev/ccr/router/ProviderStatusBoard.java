package dev.ccr.router;

import dev.ccr.provider.ProviderRegistry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The run-time status of every configured provider, by name. */
public final class ProviderStatusBoard {
    private final Map<String, ProviderStatus> statuses = new LinkedHashMap<>();

    public ProviderStatusBoard(ProviderRegistry providers, Function<String, io.github.resilience4j.circuitbreaker.CircuitBreaker> breakers) {
        providers.all().forEach(p -> statuses.put(p.settings().name(),
                new ProviderStatus(p, breakers.apply(p.settings().name()))));
    }

    public ProviderStatus get(String provider) {
        ProviderStatus status = statuses.get(provider);
        if (status == null) {
            throw new IllegalArgumentException("Unknown provider '" + provider + "'");
        }
        return status;
    }

    public Collection<ProviderStatus> all() {
        return statuses.values();
    }
}
