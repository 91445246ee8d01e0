package dev.ccr.provider.kiro;

import dev.ccr.provider.ProviderSettings;
import dev.ccr.testing.TestProviders;

import java.util.LinkedHashMap;
import java.util.Map;

/** ProviderSettings of a codewhisperer provider for tests, with the given options. */
public final class KiroTestSettings {
    private KiroTestSettings() {
    }

    public static ProviderSettings provider(String name, Map<String, String> options) {
        return provider(name, TestProviders.NOWHERE, options);
    }

    /** Short timeouts, so that a test against a server that hangs fails in seconds; defaults otherwise. */
    public static ProviderSettings provider(String name, String baseUrl, Map<String, String> options) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("base-url", baseUrl);
        properties.put("timeouts.connect", "5s");
        properties.put("timeouts.first-byte", "5s");
        properties.put("timeouts.idle", "5s");
        properties.put("timeouts.total", "30s");
        properties.putAll(TestProviders.optionProperties(options));
        return TestProviders.read(name, "codewhisperer", properties);
    }
}
