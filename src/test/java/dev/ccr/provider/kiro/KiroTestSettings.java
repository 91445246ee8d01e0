package dev.ccr.provider.kiro;

import dev.ccr.provider.ProviderSettings;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** ProviderSettings of a codewhisperer provider for tests, with the given options. */
public final class KiroTestSettings {
    private KiroTestSettings() {
    }

    public static ProviderSettings provider(String name, Map<String, String> options) {
        return provider(name, "http://127.0.0.1:1", options);
    }

    public static ProviderSettings provider(String name, String baseUrl, Map<String, String> options) {
        return new ProviderSettings(name, "codewhisperer", URI.create(baseUrl), List.of(),
                new ProviderSettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                        Duration.ofSeconds(30)),
                new ProviderSettings.Limits(0, 0, 0),
                new ProviderSettings.Breaker(50, 20, 5, Duration.ofSeconds(30), 1, Duration.ofSeconds(5), 100),
                new ProviderSettings.HealthCheck(Duration.ZERO, Duration.ofSeconds(5), 2, ""),
                1, 1, options);
    }
}
