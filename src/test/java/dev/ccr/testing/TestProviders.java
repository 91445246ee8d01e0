package dev.ccr.testing;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamResponse;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SubmissionPublisher;

/**
 * Providers for tests, read by the router's own {@link ProviderConfigReader} from properties, so that every field a
 * test does not name gets the default a real configuration gets, and a new field of {@link ProviderSettings} needs
 * no change here.
 */
public final class TestProviders {
    /** Where a provider points when no test calls it. */
    public static final String NOWHERE = "http://127.0.0.1:1";

    private TestProviders() {
    }

    /**
     * The provider a configuration with these properties describes.
     *
     * @param properties without the {@code ccr.providers.NAME.} prefix ({@code limits.max-output-tokens},
     *                   {@code option.web-search}, …); {@code base-url} is {@link #NOWHERE} unless given
     */
    public static ProviderSettings read(String name, String protocol, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("protocol", protocol);
        all.put("base-url", NOWHERE);
        all.putAll(properties);
        Map<String, String> keyed = new LinkedHashMap<>();
        all.forEach((key, value) -> keyed.put(ProviderConfigReader.PREFIX + name + "." + key, value));
        Settings settings = new Settings(key -> Optional.ofNullable(keyed.get(key)), "test provider " + name);
        return new ProviderConfigReader(settings).read(name, keyed.keySet());
    }

    /**
     * A provider with these options and output token clamp (0 = none).
     *
     * @param options key, value, key, value…; an empty value is passed on as written (for options where empty
     *                means "none")
     */
    public static ProviderSettings withOptions(String name, String protocol, int maxOutputTokens, String... options) {
        if (options.length % 2 != 0) {
            throw new IllegalArgumentException("options come in key, value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("limits.max-output-tokens", Integer.toString(maxOutputTokens));
        properties.putAll(optionProperties(map));
        return read(name, protocol, properties);
    }

    /** The options as properties ({@code option.KEY}). */
    public static Map<String, String> optionProperties(Map<String, String> options) {
        Map<String, String> properties = new LinkedHashMap<>();
        options.forEach((key, value) -> properties.put("option." + key, value));
        return properties;
    }

    /** A provider answer with this content type (null: none); its body is never read by a translator. */
    public static UpstreamResponse response(String contentType) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("content-type",
                List.of(contentType)), (a, b) -> true);
        return new UpstreamResponse(200, headers, new SubmissionPublisher<>());
    }
}
