package dev.ccr.stats;

import io.micrometer.core.instrument.Clock;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * Counts over the last few minutes: a ring of one-minute buckets. A bucket is reused when its minute comes round
 * again, so a read sums the buckets of the current minute and the ones before it within the window.
 */
final class RecentCounts {
    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    private final AtomicReferenceArray<Bucket> ring;

    private record Bucket(long minute, Counts counts) {
    }

    RecentCounts(Clock clock, int minutes) {
        this.clock = clock;
        this.ring = new AtomicReferenceArray<>(minutes);
    }

    void add(Consumer<Counts> update) {
        long minute = clock.wallTime() / MINUTE_MILLIS;
        int slot = (int) (minute % ring.length());
        Bucket bucket = ring.get(slot);
        // a bucket of an older minute is replaced; a newer one (the clock ticked since we read it) is simply used
        while (bucket == null || bucket.minute() < minute) {
            Bucket fresh = new Bucket(minute, new Counts());
            if (ring.compareAndSet(slot, bucket, fresh)) {
                bucket = fresh;
            } else {
                bucket = ring.get(slot);
            }
        }
        update.accept(bucket.counts());
    }

    Counts.Sum sum() {
        long now = clock.wallTime() / MINUTE_MILLIS;
        Counts.Sum sum = new Counts.Sum();
        for (int i = 0; i < ring.length(); i++) {
            Bucket bucket = ring.get(i);
            if (bucket != null && bucket.minute() > now - ring.length() && bucket.minute() <= now) {
                sum.add(bucket.counts());
            }
        }
        return sum;
    }
}
