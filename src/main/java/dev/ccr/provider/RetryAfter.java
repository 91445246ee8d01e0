package dev.ccr.provider;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads how long a provider asks us to wait: {@code retry-after-ms}, or {@code retry-after} as seconds or a date. */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Optional<Duration> from(HttpHeaders headers) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> parseLong(v).map(Duration::ofMillis));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(RetryAfter::parse);
    }

    static Optional<Duration> parse(String value) {
        Optional<Duration> seconds = parseDouble(value).map(s -> Duration.ofMillis((long) (s * 1000)));
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The header value to send the client: whole seconds, rounded up, at least 1. */
    public static String headerValue(Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        return Long.toString(Math.max(1, seconds));
    }

    private static Optional<Long> parseLong(String v) {
        try {
            return Optional.of(Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> parseDouble(String v) {
        try {
            double d = Double.parseDouble(v.trim());
            return d >= 0 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
