package dev.ccr.shared;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Allowances kept in Redis by Bucket4j, shared by every instance, with this instance's local buckets as the fallback
 * while Redis is unreachable (each instance then enforces the limit on its own, and the shared bucket takes over
 * again when Redis is back). Charges after an answer are sent on the router's Redis thread, never on the thread that
 * ended the answer (possibly a Netty event loop).
 */
public final class RedisAllowances implements Allowances {
    private final RedisLink link;
    private final LocalAllowances local = new LocalAllowances();
    private final Map<String, Allowance> allowances = new ConcurrentHashMap<>();
    private volatile ProxyManager<String> buckets;

    public RedisAllowances(RedisLink link) {
        this.link = link;
    }

    @Override
    public Allowance get(String id, long capacity, Duration period) {
        String key = id + ":" + capacity + "/" + period.toSeconds();
        return allowances.computeIfAbsent(key, k -> new FailSafe(k, capacity, period, local.get(id, capacity, period)));
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> manager = buckets;
        if (manager == null) {
            manager = Bucket4jLettuce.casBasedBuilder(link.bytes())
                    // a bucket left alone until it would be full again holds nothing worth keeping
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                            Duration.ofSeconds(10)))
                    .build();
            buckets = manager;
        }
        return manager;
    }

    /** The shared bucket while Redis answers, the local one otherwise. */
    private final class FailSafe implements Allowance {
        private final String key;
        private final long capacity;
        private final Duration period;
        private final Allowance fallback;
        private volatile Allowance shared;

        FailSafe(String key, long capacity, Duration period, Allowance fallback) {
            this.key = key;
            this.capacity = capacity;
            this.period = period;
            this.fallback = fallback;
        }

        private Allowance shared() {
            Allowance s = shared;
            if (s == null) {
                s = new BucketAllowance(buckets().builder().build(link.key("bucket:" + key),
                        () -> BucketAllowance.configuration(capacity, period)));
                shared = s;
            }
            return s;
        }

        @Override
        public Duration tryTake(long amount) {
            return either(a -> a.tryTake(amount));
        }

        @Override
        public Duration untilAvailable() {
            return either(Allowance::untilAvailable);
        }

        /** Asks the shared bucket while Redis answers, the local one otherwise (and when the shared one fails). */
        private <T> T either(java.util.function.Function<Allowance, T> question) {
            if (link.up()) {
                try {
                    return question.apply(shared());
                } catch (RuntimeException e) {
                    link.down(e.getMessage());
                }
            }
            return question.apply(fallback);
        }

        @Override
        public void charge(long amount) {
            if (!link.up()) {
                fallback.charge(amount);
                return;
            }
            link.execute(() -> {
                try {
                    shared().charge(amount);
                } catch (RuntimeException e) {
                    link.down(e.getMessage());
                    fallback.charge(amount);
                }
            });
        }

        @Override
        public long remaining() {
            return either(Allowance::remaining);
        }
    }
}
