package dev.ccr.provider;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import org.apache.camel.Service;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configured provider instances, each with its own HTTP client and credentials. A service of the Camel context:
 * stopping the router closes the providers' pooled connections.
 */
public final class ProviderRegistry implements Service {
    /** Statuses on which another provider is tried: rate limits, overload and server errors. */
    public static final Set<Integer> DEFAULT_RETRYABLE = Set.of(408, 429, 500, 502, 503, 504, 529);

    private final Map<String, ProviderClient> clients;

    private ProviderRegistry(Map<String, ProviderClient> clients) {
        this.clients = Collections.unmodifiableMap(clients);
    }

    public static ProviderRegistry load(Settings settings, Iterable<String> propertyNames,
                                        Map<String, CredentialsFactory> credentialFactories,
                                        Set<Integer> retryableStatuses) {
        ProviderConfigReader reader = new ProviderConfigReader(settings);
        Map<String, ProviderClient> clients = new LinkedHashMap<>();
        for (String name : ProviderConfigReader.names(propertyNames)) {
            ProviderSettings provider = reader.read(name, propertyNames);
            CredentialsFactory factory = credentialFactories.get(provider.protocol());
            if (factory == null) {
                throw new ConfigException(settings.source(), ProviderConfigReader.PREFIX + name + ".protocol",
                        "protocol '" + provider.protocol() + "' is not available in this build");
            }
            clients.put(name, new ProviderClient(provider, factory.create(provider, reader), retryableStatuses));
        }
        return new ProviderRegistry(clients);
    }

    /** API-key credentials for the built-in protocols; the key comes from {@code <NAME>_API_KEY} unless configured. */
    public static Map<String, CredentialsFactory> apiKeyFactories() {
        Map<String, CredentialsFactory> factories = new LinkedHashMap<>();
        factories.put("anthropic", (s, c) -> keyed(s, c, "x-api-key", ""));
        factories.put("openai", (s, c) -> keyed(s, c, "Authorization", "Bearer"));
        factories.put("gemini", (s, c) -> keyed(s, c, "x-goog-api-key", ""));
        return factories;
    }

    private static Credentials keyed(ProviderSettings s, ProviderConfigReader config, String header, String scheme) {
        if ("none".equals(s.option("auth", ""))) {
            return Credentials.NONE;
        }
        String env = s.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
        return config.apiKey(s.name(), header, scheme, env);
    }

    public Optional<ProviderClient> find(String name) {
        return Optional.ofNullable(clients.get(name));
    }

    public ProviderClient get(String name) {
        ProviderClient client = clients.get(name);
        if (client == null) {
            throw new IllegalArgumentException("Unknown provider '" + name + "'");
        }
        return client;
    }

    /** A provider's settings alone, for layers that write its requests but must never hold its credentials. */
    public ProviderSettings settings(String name) {
        return get(name).settings();
    }

    public Set<String> names() {
        return clients.keySet();
    }

    public Collection<ProviderClient> all() {
        return clients.values();
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        clients.values().forEach(ProviderClient::close);
    }
}
