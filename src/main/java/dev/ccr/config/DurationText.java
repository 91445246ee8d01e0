package dev.ccr.config;

import java.time.Duration;

/** A duration as people write it in the configuration ({@code 300 s}, {@code 250 ms}), not ISO-8601's {@code PT5M}. */
public final class DurationText {
    private DurationText() {
    }

    public static String of(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
