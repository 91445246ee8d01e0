package dev.ccr.shared;

import java.time.Duration;

/** Where concurrency limits are counted: this instance's memory or Redis. The same id names the same limit everywhere. */
public interface ConcurrencyLimits {
    /**
     * The limit with this id: {@code max} calls at once; a slot a crashed instance never gave back returns after
     * {@code lease}. Ids come from the configuration, never from request input.
     */
    ConcurrencyLimit get(String id, int max, Duration lease);
}
