package dev.ccr.shared;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;

/** An {@link Allowance} over a Bucket4j bucket, local or a proxy of one kept in Redis. */
final class BucketAllowance implements Allowance {
    private final Bucket bucket;

    BucketAllowance(Bucket bucket) {
        this.bucket = bucket;
    }

    /** Capacity units, refilled greedily (a little at a time) over the period: a rolling window, no cliff at its end. */
    static BucketConfiguration configuration(long capacity, Duration period) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build();
    }

    @Override
    public Duration tryTake(long amount) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(amount);
        return probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public Duration untilAvailable() {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public void charge(long amount) {
        if (amount > 0) {
            bucket.consumeIgnoringRateLimits(amount);
        } else if (amount < 0) {
            bucket.addTokens(-amount);
        }
    }

    @Override
    public long remaining() {
        return bucket.getAvailableTokens();
    }
}
