package dev.ccr.testing;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.provider.UpstreamResponse;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
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
     * @param options key, value, key, value…; a configuration cannot give an option an empty value (the reader
     *                drops it), so an empty value is refused here: see {@link #withOptionsAsGiven}
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

    /** The options as properties ({@code option.KEY}); an empty value is refused, as the reader would drop it. */
    public static Map<String, String> optionProperties(Map<String, String> options) {
        Map<String, String> properties = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("option " + key + " is empty: ProviderConfigReader drops empty "
                        + "values, so no configuration can say this; use TestProviders.withOptionsAsGiven");
            }
            properties.put("option." + key, value);
        });
        return properties;
    }

    /**
     * The same provider with exactly these options, empty values included, which no configuration read by
     * {@link ProviderConfigReader} can produce (it drops empty values). For testing a transformer's handling of such
     * a value; every other field is copied, whatever fields the record has.
     */
    public static ProviderSettings withOptionsAsGiven(ProviderSettings provider, Map<String, String> options) {
        RecordComponent[] components = ProviderSettings.class.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        boolean replaced = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean isOptions = components[i].getName().equals("options");
                values[i] = isOptions ? Map.copyOf(options) : components[i].getAccessor().invoke(provider);
                replaced |= isOptions;
            }
            if (!replaced) {
                throw new IllegalStateException("ProviderSettings has no options field any more");
            }
            Constructor<ProviderSettings> constructor = ProviderSettings.class.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + provider, e);
        }
    }

    /** A provider answer with this content type (null: none); its body is never read by a translator. */
    public static UpstreamResponse response(String contentType) {
        HttpHeaders headers = HttpHeaders.of(contentType == null ? Map.of() : Map.of("content-type",
                List.of(contentType)), (a, b) -> true);
        return new UpstreamResponse(200, headers, new SubmissionPublisher<>());
    }
}
