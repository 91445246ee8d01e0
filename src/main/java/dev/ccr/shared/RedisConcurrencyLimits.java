package dev.ccr.shared;

import io.lettuce.core.RedisURI;
import org.redisson.Redisson;
import org.redisson.api.RFuture;
import org.redisson.api.RPermitExpirableSemaphore;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.redisson.config.SingleServerConfig;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Concurrency limits counted by every instance together in Redis, each a Redisson {@link RPermitExpirableSemaphore}:
 * a slot is a permit leased for at most the provider's whole-request timeout, so the slots of an instance that
 * crashed come back by themselves. While Redis is unreachable each instance counts its own calls against the limit
 * (the {@link RedisLink} says when, and until the semaphore is sized); when Redis is back the shared count takes over again. Taking a slot waits for
 * Redis at most {@code ccr.redis.timeout} (on the router's pool, never on an event loop); giving one back never waits.
 */
public final class RedisConcurrencyLimits implements ConcurrencyLimits, org.apache.camel.Service {
    private final RedisLink link;
    private final RedissonClient redisson;
    private final Map<String, FailSafe> limits = new ConcurrentHashMap<>();

    public RedisConcurrencyLimits(RedisLink link) {
        this.link = link;
        this.redisson = Redisson.create(config(link.uri(), link.timeout()));
        // a Redis that comes back may have come back empty: the semaphores' sizes are set again, which also opens
        // Redisson's connection here rather than in the first request's short wait
        link.whenReachable(() -> limits.values().forEach(FailSafe::prepare));
    }

    /** Redisson beside Lettuce on the same Redis: few threads, connecting on first use, failing within the timeout. */
    private static Config config(RedisURI uri, Duration timeout) {
        Config config = new Config()
                .setLazyInitialization(true)
                .setCodec(StringCodec.INSTANCE)
                .setThreads(2)
                .setNettyThreads(2);
        int millis = (int) timeout.toMillis();
        SingleServerConfig server = config.useSingleServer()
                .setAddress((uri.isSsl() ? "rediss://" : "redis://") + uri.getHost() + ":" + uri.getPort())
                .setDatabase(uri.getDatabase())
                .setTimeout(millis)
                .setConnectTimeout(millis * 2)
                .setRetryAttempts(0)
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(8)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setSubscriptionConnectionPoolSize(1);
        if (uri.getUsername() != null) {
            server.setUsername(uri.getUsername());
        }
        if (uri.getPassword() != null) {
            server.setPassword(new String(uri.getPassword()));
        }
        return config;
    }

    @Override
    public ConcurrencyLimit get(String id, int max, Duration lease) {
        // the key carries the limit, so a changed limit starts a new semaphore rather than resizing the old one
        String key = id + ":" + max;
        return limits.computeIfAbsent(key, k -> {
            FailSafe limit = new FailSafe(redisson.getPermitExpirableSemaphore(link.key("slots:" + k)), max, lease,
                    new LocalConcurrencyLimit(max));
            if (link.up()) {
                limit.prepare();
            }
            return limit;
        });
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** The shared semaphore while Redis answers, this instance's count otherwise. */
    private final class FailSafe implements ConcurrencyLimit {
        private final RPermitExpirableSemaphore semaphore;
        private final int max;
        private final Duration lease;
        private final LocalConcurrencyLimit local;
        private volatile boolean sized;

        FailSafe(RPermitExpirableSemaphore semaphore, int max, Duration lease, LocalConcurrencyLimit local) {
            this.semaphore = semaphore;
            this.max = max;
            this.lease = lease;
            this.local = local;
        }

        /**
         * Sizes the semaphore where none exists yet (the instances agree on the size: it comes from the
         * configuration), retrying each second while Redis answers Lettuce but not yet Redisson (it reconnects on its
         * own schedule). Until then this instance counts alone.
         */
        void prepare() {
            sized = false;
            semaphore.trySetPermitsAsync(max).whenComplete((set, failure) -> {
                if (failure == null) {
                    sized = true;
                } else if (link.up()) {
                    link.inASecond(this::prepare);
                }
            });
        }

        @Override
        public Slot tryTake() {
            if (shared()) {
                try {
                    String permit = acquire();
                    if (permit == null) {
                        return null;
                    }
                    Slot counted = local.hold();
                    return () -> {
                        counted.release();
                        // a permit Redis lost or that expired needs no giving back: the lease ends it
                        semaphore.tryReleaseAsync(permit);
                    };
                } catch (TimeoutException e) {
                    link.down("no answer within " + link.timeout().toMillis() + " ms");
                } catch (ExecutionException e) {
                    link.down(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    link.down(e.getMessage());
                }
            }
            return local.tryTake();
        }

        @Override
        public boolean shared() {
            return sized && link.up();
        }

        /** A permit leased for the call, or null when all are taken; waits at most {@code ccr.redis.timeout}. */
        private String acquire() throws InterruptedException, ExecutionException, TimeoutException {
            RFuture<String> permit = semaphore.tryAcquireAsync(0, lease.toMillis(), TimeUnit.MILLISECONDS);
            try {
                return permit.toCompletableFuture().get(link.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // granted after the wait gave up: no call holds it, so it goes back at once rather than at its lease's end
                permit.thenAccept(late -> {
                    if (late != null) {
                        semaphore.tryReleaseAsync(late);
                    }
                });
                throw e;
            }
        }
    }
}
