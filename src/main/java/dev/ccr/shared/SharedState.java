package dev.ccr.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Whether the instances share their state: {@code ccr.redis.url} set (e.g. {@code redis://redis:6379}) or not (the
 * single-instance default). {@code ccr.redis.prefix} (default {@code ccr:}) starts every Redis key and channel name,
 * so several gateways can share one Redis; {@code ccr.redis.timeout} (default 250ms) bounds each command.
 */
public final class SharedState {
    private static final Logger LOG = LoggerFactory.getLogger(SharedState.class);

    private SharedState() {
    }

    /** The link to Redis, not connected yet (it is a context service), or null without {@code ccr.redis.url}. */
    public static RedisLink link(Settings settings) {
        String url = settings.get("ccr.redis.url").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (url == null) {
            return null;
        }
        RedisLink link = new RedisLink(url, settings.string("ccr.redis.prefix", "ccr:"),
                settings.duration("ccr.redis.timeout", Duration.ofMillis(250)));
        LOG.info("Shared state in Redis (ccr.redis.url): routing changes, token budgets, concurrency limits, retry-after pauses, user keys");
        return link;
    }

    /** The {@code sharedState} part of /health/providers. */
    public static void describe(RedisLink link, ObjectNode root) {
        ObjectNode shared = root.putObject("sharedState");
        if (link == null) {
            shared.put("redis", "off");
            shared.put("mode", "single instance: local state");
        } else if (link.up()) {
            shared.put("redis", "up");
            shared.put("mode", "shared with the other instances");
        } else {
            shared.put("redis", "down");
            shared.put("mode", "local state until Redis is back");
            shared.put("reason", link.problem());
        }
    }
}
