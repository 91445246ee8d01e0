package dev.ccr.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Typed reads of the router's properties. Every failure names the file and the property, as the user wrote them.
 */
public final class Settings {
    private final Function<String, Optional<String>> lookup;
    private final String source;

    /**
     * @param lookup resolves a property by name (placeholders and environment overrides applied)
     * @param source the configuration file, named in error messages
     */
    public Settings(Function<String, Optional<String>> lookup, String source) {
        this.lookup = lookup;
        this.source = source;
    }

    public String source() {
        return source;
    }

    public Optional<String> get(String key) {
        return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value as written (trimmed), an empty one included: for settings where empty means "none". */
    public Optional<String> raw(String key) {
        return lookup.apply(key).map(String::trim);
    }

    public String string(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public String required(String key) {
        return get(key).orElseThrow(() -> new ConfigException(source, key, "is required"));
    }

    public int integer(String key, int fallback) {
        return get(key).map(v -> parseInt(key, v)).orElse(fallback);
    }

    public int positive(String key, int fallback) {
        int value = integer(key, fallback);
        if (value < 1) {
            throw new ConfigException(source, key, "must be a whole number of 1 or more, not " + value);
        }
        return value;
    }

    public boolean bool(String key, boolean fallback) {
        return get(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new ConfigException(source, key, "must be true or false, not '" + v + "'");
        }).orElse(fallback);
    }

    /** A duration as "30s", "250ms", "5m", "1h", or ISO-8601 ("PT30S"). */
    public Duration duration(String key, Duration fallback) {
        return get(key).map(v -> parseDuration(key, v)).orElse(fallback);
    }

    /** A {@link #duration} that must be longer than zero (a timeout of zero would refuse everything). */
    public Duration positiveDuration(String key, Duration fallback) {
        Duration value = duration(key, fallback);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(source, key, "must be a positive duration");
        }
        return value;
    }

    public List<String> list(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    private int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(source, key, "must be a whole number, not '" + value + "'");
        }
    }

    private Duration parseDuration(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long amount = Long.parseLong(v.substring(0, v.length() - 1));
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ConfigException(source, key, "must be a duration such as 30s, 250ms or 5m, not '" + value + "'");
        }
    }
}
