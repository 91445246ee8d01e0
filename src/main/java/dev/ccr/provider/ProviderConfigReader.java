package dev.ccr.provider;

import dev.ccr.config.ConfigException;
import dev.ccr.model.NameRules;
import dev.ccr.config.Settings;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads providers from properties {@code ccr.providers.<name>.<field>}. Every mistake names the file and the field.
 */
public final class ProviderConfigReader {
    public static final String PREFIX = "ccr.providers.";
    static final Set<String> PROTOCOLS = Set.of("anthropic", "openai", "gemini", "codewhisperer");

    private final Settings settings;

    public ProviderConfigReader(Settings settings) {
        this.settings = settings;
    }

    /** Provider names found among the property names, in alphabetical order. */
    public static Set<String> names(Iterable<String> propertyNames) {
        Set<String> names = new TreeSet<>();
        for (String key : propertyNames) {
            if (key.startsWith(PREFIX) && key.indexOf('.', PREFIX.length()) > 0) {
                names.add(key.substring(PREFIX.length(), key.indexOf('.', PREFIX.length())));
            }
        }
        return names;
    }

    public ProviderSettings read(String name, Iterable<String> propertyNames) {
        String p = PREFIX + name + ".";
        if (!NameRules.isProvider(name)) {
            throw new ConfigException(settings.source(), p + "*", "'" + name + "' cannot name a provider: use "
                    + NameRules.PROVIDER_RULE);
        }
        String protocol = settings.required(p + "protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw new ConfigException(settings.source(), p + "protocol",
                    "'" + protocol + "' is not one of " + new TreeSet<>(PROTOCOLS));
        }
        URI baseUrl = url(p + "base-url", settings.required(p + "base-url"));
        ProviderSettings.Timeouts timeouts = new ProviderSettings.Timeouts(
                settings.duration(p + "timeouts.connect", Duration.ofSeconds(10)),
                settings.duration(p + "timeouts.first-byte", Duration.ofSeconds(300)),
                settings.duration(p + "timeouts.idle", Duration.ofSeconds(300)),
                settings.duration(p + "timeouts.total", Duration.ofMinutes(60)),
                settings.duration(p + "timeouts.keep-alive", Duration.ofSeconds(50)));
        ProviderSettings.Limits limits = new ProviderSettings.Limits(
                settings.integer(p + "limits.max-concurrent-requests", 0),
                settings.integer(p + "limits.max-tokens-per-minute", 0),
                settings.integer(p + "limits.max-output-tokens", 0));
        ProviderSettings.Breaker breaker = new ProviderSettings.Breaker(
                percentage(p + "breaker.failure-rate-threshold", 50),
                settings.positive(p + "breaker.sliding-window-size", 20),
                settings.positive(p + "breaker.minimum-number-of-calls", 5),
                settings.duration(p + "breaker.wait-duration-in-open-state", Duration.ofSeconds(30)),
                settings.positive(p + "breaker.permitted-calls-in-half-open-state", 1),
                settings.duration(p + "breaker.slow-call-duration-threshold", timeouts.firstByte()),
                percentage(p + "breaker.slow-call-rate-threshold", 100));
        ProviderSettings.HealthCheck health = new ProviderSettings.HealthCheck(
                settings.duration(p + "health-check.interval", Duration.ZERO),
                settings.duration(p + "health-check.timeout", Duration.ofSeconds(5)),
                settings.positive(p + "health-check.retries", 2),
                settings.string(p + "health-check.path", ""));
        return new ProviderSettings(name, protocol, baseUrl, settings.list(p + "models"), timeouts, limits, breaker, health,
                settings.positive(p + "priority", 1), settings.positive(p + "weight", 1),
                options(p + "option.", propertyNames), caFile(p + "tls.ca-file"));
    }

    /** A readable PEM file with at least one certificate, or null when the key is not set. */
    private Path caFile(String key) {
        Optional<String> value = settings.get(key).filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return null;
        }
        Path file = Path.of(value.get().trim());
        try (InputStream in = Files.newInputStream(file)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new ConfigException(settings.source(), key, "'" + file + "' holds no certificate");
            }
        } catch (IOException | CertificateException e) {
            throw new ConfigException(settings.source(), key, "'" + file + "' is not a readable PEM file of "
                    + "certificates (" + e.getClass().getSimpleName() + ")");
        }
        return file;
    }

    private Map<String, String> options(String prefix, Iterable<String> propertyNames) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String key : propertyNames) {
            if (key.startsWith(prefix)) {
                // an empty option is a choice ("none"), not a missing one
                settings.raw(key).ifPresent(v -> options.put(key.substring(prefix.length()), v));
            }
        }
        return options;
    }

    private float percentage(String key, int fallback) {
        int value = settings.integer(key, fallback);
        if (value < 1 || value > 100) {
            throw new ConfigException(settings.source(), key, "must be a percentage from 1 to 100, not " + value);
        }
        return value;
    }

    private URI url(String key, String value) {
        try {
            URI uri = new URI(value);
            if (!List.of("http", "https").contains(String.valueOf(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(settings.source(), key, "'" + value + "' is not an http(s) URL");
        }
    }

    /** The key of an API-key provider: {@code api-key} if set, else the variable named by {@code api-key-env}. */
    public ApiKeyCredentials apiKey(String name, String defaultHeader, String defaultScheme, String defaultEnv) {
        String p = PREFIX + name + ".";
        String env = settings.string(p + "api-key-env", defaultEnv);
        String key = settings.get(p + "api-key").orElseGet(() -> env == null ? null : System.getenv(env));
        String where = env != null ? env : p + "api-key";
        return new ApiKeyCredentials(settings.string(p + "auth-header", defaultHeader),
                settings.string(p + "auth-scheme", defaultScheme), key, where);
    }
}
