package dev.ccr.shared;

/**
 * At most so many calls at once: a provider's {@code limits.max-concurrent-requests}. Counted by every router
 * instance together in Redis when {@code ccr.redis.url} is set, else by this instance alone.
 */
public interface ConcurrencyLimit {
    /** A slot for one more call, or null when every slot is taken. */
    Slot tryTake();

    /** Whether every instance counts against it together now (false: this instance alone, e.g. Redis is away). */
    boolean shared();
}
