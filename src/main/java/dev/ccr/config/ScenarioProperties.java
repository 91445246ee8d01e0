package dev.ccr.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A scenario's own properties ({@code config/scenarios/<scenario>.properties}, written by the importer), laid over
 * the configuration file. A provider block in it replaces the block of the same name in the configuration file
 * entirely: a half-merged provider (the imported base URL with the shipped file's {@code requires-env}, say) would
 * not be the provider the user imported. Environment variables and override properties still win, as everywhere.
 */
public final class ScenarioProperties {
    /** Scenario names become folder and file names: a strict set, no dots, no slashes. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String PROVIDERS = "ccr.providers.";

    private final Properties values;
    private final Set<String> providers;

    private ScenarioProperties(Properties values) {
        this.values = values;
        this.providers = new LinkedHashSet<>();
        for (String key : values.stringPropertyNames()) {
            provider(key).ifPresent(providers::add);
        }
    }

    public static ScenarioProperties none() {
        return new ScenarioProperties(new Properties());
    }

    /** Reads the file when it exists; a scenario without one has none. */
    public static ScenarioProperties load(Path file) {
        Properties values = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
            }
        }
        return new ScenarioProperties(values);
    }

    public static String checkName(String scenario, String source) {
        if (scenario == null || !NAME.matcher(scenario).matches()) {
            throw new ConfigException(source, "ccr.scenario", "'" + scenario
                    + "' is not a scenario name: lower-case letters, digits and '-', at most 40");
        }
        return scenario;
    }

    /**
     * The lookup to build {@link Settings} from.
     *
     * @param base       the configuration's own lookup (file, environment, overrides)
     * @param overridden whether a key is set by an environment variable or an override property
     * @param resolve    resolves placeholders such as {@code {{env:X:default}}} in a value from this file
     */
    public Function<String, Optional<String>> overlay(Function<String, Optional<String>> base,
                                                      java.util.function.Predicate<String> overridden,
                                                      UnaryOperator<String> resolve) {
        return key -> {
            if (overridden.test(key)) {
                return base.apply(key);
            }
            String value = values.getProperty(key);
            if (value != null) {
                return Optional.of(resolve.apply(value));
            }
            return shadowed(key) ? Optional.empty() : base.apply(key);
        };
    }

    /** The configuration's property names without the replaced provider blocks, plus this file's. */
    public Set<String> propertyNames(Iterable<String> base) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : base) {
            if (!shadowed(key)) {
                names.add(key);
            }
        }
        names.addAll(values.stringPropertyNames());
        return names;
    }

    public Set<String> providers() {
        return providers;
    }

    /** The environment variable Camel reads as an override of a property: upper case, '.' and '-' as '_'. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private boolean shadowed(String key) {
        return !values.containsKey(key) && provider(key).filter(providers::contains).isPresent();
    }

    private static Optional<String> provider(String key) {
        int dot = key.indexOf('.', PROVIDERS.length());
        return key.startsWith(PROVIDERS) && dot > 0 ? Optional.of(key.substring(PROVIDERS.length(), dot)) : Optional.empty();
    }
}
