package dev.ccr;

import dev.ccr.config.Settings;
import dev.ccr.shared.Allowances;
import dev.ccr.shared.LocalAllowances;
import dev.ccr.shared.RedisAllowances;
import dev.ccr.shared.RedisLink;
import dev.ccr.shared.SharedState;
import org.apache.camel.CamelContext;

/**
 * The team gateway's shared state, below every layer that uses it: with {@code ccr.redis.url} the link to Redis (a
 * context service, started first and stopped last) and allowances counted in Redis; without it, local allowances.
 */
final class SharedStateWiring {
    private SharedStateWiring() {
    }

    /**
     * @param redis      the link to Redis, or null for a single instance
     * @param allowances where token budgets and key quotas are counted
     */
    record Wired(RedisLink redis, Allowances allowances) {
    }

    static Wired wire(CamelContext context, Settings settings) {
        RedisLink redis = SharedState.link(settings);
        if (redis == null) {
            return new Wired(null, new LocalAllowances());
        }
        ContextServices.add(context, redis);
        return new Wired(redis, new RedisAllowances(redis));
    }
}
