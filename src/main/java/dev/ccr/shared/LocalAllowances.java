package dev.ccr.shared;

import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Allowances in this instance's memory: the single-instance default, and the fallback while Redis is unreachable. */
public final class LocalAllowances implements Allowances {
    private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();

    @Override
    public Allowance get(String id, long capacity, Duration period) {
        // the id carries capacity and period, so a changed limit starts a new bucket rather than reusing the old one
        return allowances.computeIfAbsent(id + ":" + capacity + "/" + period.toSeconds(), ignored -> new BucketAllowance(
                Bucket.builder().addLimit(BucketAllowance.configuration(capacity, period).getBandwidths()[0]).build()));
    }
}
