package dev.ccr;

import dev.ccr.config.Settings;
import dev.ccr.shared.Allowances;
import dev.ccr.shared.LocalAllowances;
import dev.ccr.shared.ConcurrencyLimits;
import dev.ccr.shared.RedisAllowances;
import dev.ccr.shared.RedisConcurrencyLimits;
import dev.ccr.shared.RedisLink;
import dev.ccr.shared.SharedState;
import org.apache.camel.CamelContext;

/**
 * The team gateway's shared state, below every layer that uses it: with {@code ccr.redis.url} the link to Redis (a
 * context service, started first and stopped last), allowances and concurrency limits counted in Redis; without it,
 * local allowances (and each provider's concurrency limit counted by its own status).
 */
final class SharedStateWiring {
    private SharedStateWiring() {
    }

    /**
     * @param redis      the link to Redis, or null for a single instance
     * @param allowances where token budgets and key quotas are counted
     * @param concurrency where providers' concurrency limits are counted with Redis, or null for a single instance
     */
    record Wired(RedisLink redis, Allowances allowances, ConcurrencyLimits concurrency) {
    }

    static Wired wire(CamelContext context, Settings settings) {
        RedisLink redis = SharedState.link(settings);
        if (redis == null) {
            return new Wired(null, new LocalAllowances(), null);
        }
        ContextServices.add(context, redis);
        RedisConcurrencyLimits concurrency = new RedisConcurrencyLimits(redis);
        ContextServices.add(context, concurrency);
        return new Wired(redis, new RedisAllowances(redis), concurrency);
    }
}
