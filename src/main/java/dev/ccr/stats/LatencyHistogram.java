package dev.ccr.stats;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.TimeWindowPercentileHistogram;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

import java.time.Duration;

/**
 * p50/p95/p99 of durations in milliseconds, from Micrometer's time-window histogram (HdrHistogram underneath, two
 * significant digits). Either since start, or over a window kept as a ring of buckets rotated one by one.
 */
final class LatencyHistogram {
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};
    /** "Since start": a window longer than any process lives, never rotated. */
    private static final Duration FOREVER = Duration.ofDays(365L * 100);

    private final TimeWindowPercentileHistogram histogram;

    private LatencyHistogram(Clock clock, Duration window, int buckets) {
        DistributionStatisticConfig config = DistributionStatisticConfig.builder()
                .percentiles(PERCENTILES)
                .percentilePrecision(2)
                .expiry(window)
                .bufferLength(buckets)
                .build()
                .merge(DistributionStatisticConfig.DEFAULT);
        this.histogram = new TimeWindowPercentileHistogram(clock, config, false);
    }

    static LatencyHistogram sinceStart(Clock clock) {
        return new LatencyHistogram(clock, FOREVER, 1);
    }

    static LatencyHistogram window(Clock clock, Duration window, int buckets) {
        return new LatencyHistogram(clock, window, buckets);
    }

    void record(double millis) {
        histogram.recordDouble(millis);
    }

    /** The percentiles, given how many samples the period holds (none: all null). */
    StatsSnapshot.Percentiles percentiles(long samples) {
        if (samples == 0) {
            return new StatsSnapshot.Percentiles(0, null, null, null);
        }
        HistogramSnapshot snapshot = histogram.takeSnapshot(samples, 0, 0);
        ValueAtPercentile[] values = snapshot.percentileValues();
        return new StatsSnapshot.Percentiles(samples, round(values[0].value()), round(values[1].value()),
                round(values[2].value()));
    }

    private static Double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
