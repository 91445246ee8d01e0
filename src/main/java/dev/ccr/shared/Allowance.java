package dev.ccr.shared;

import java.time.Duration;

/**
 * A token bucket (Bucket4j): an amount over a period, refilled gradually. Kept in Redis and shared by every router
 * instance when {@code ccr.redis.url} is set, else in this instance's memory.
 */
public interface Allowance {
    /** Takes {@code amount}, or takes nothing and says how long until it would fit. */
    Duration tryTake(long amount);

    /** Null when at least one unit is left, else how long until one is. */
    Duration untilAvailable();

    /**
     * Takes what was used whatever is left (token counts are known only once an answer ends), so the allowance may go
     * below zero and later calls wait longer; a negative amount gives back what an estimate took too much.
     */
    void charge(long amount);

    /** What is left now (at most the capacity; below zero after a charge beyond it). */
    long remaining();
}
