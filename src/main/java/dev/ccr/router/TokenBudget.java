package dev.ccr.router;

import java.time.Duration;

/**
 * Tokens per minute allowed to one provider (the seeds' maxTokensPerMinute): a sliding minute of one-second buckets.
 * A call reserves an estimate up front; the real count replaces it when the call ends.
 */
final class TokenBudget {
    private static final int SECONDS = 60;
    private final long perMinute;
    private final long[] buckets = new long[SECONDS];
    private final long[] bucketSecond = new long[SECONDS];

    TokenBudget(long perMinute) {
        this.perMinute = perMinute;
    }

    boolean limited() {
        return perMinute > 0;
    }

    /** Reserves tokens, or returns how long until enough of the minute has passed to allow them. */
    synchronized Duration tryReserve(long tokens, long nowMillis) {
        if (perMinute <= 0) {
            return null;
        }
        long now = nowMillis / 1000;
        long used = usedSince(now);
        if (used > 0 && used + tokens > perMinute) {
            return Duration.ofSeconds(secondsUntilFree(now, used + tokens - perMinute));
        }
        add(now, tokens);
        return null;
    }

    /** Replaces an estimate by the real count (may be negative). */
    synchronized void adjust(long delta, long nowMillis) {
        if (perMinute > 0 && delta != 0) {
            add(nowMillis / 1000, delta);
        }
    }

    synchronized long used(long nowMillis) {
        return usedSince(nowMillis / 1000);
    }

    private void add(long second, long tokens) {
        int i = (int) (second % SECONDS);
        if (bucketSecond[i] != second) {
            bucketSecond[i] = second;
            buckets[i] = 0;
        }
        buckets[i] += tokens;
    }

    private long usedSince(long now) {
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (now - bucketSecond[i] < SECONDS) {
                sum += buckets[i];
            }
        }
        return Math.max(0, sum);
    }

    private long secondsUntilFree(long now, long excess) {
        long freed = 0;
        for (long age = SECONDS - 1; age >= 0; age--) {
            long second = now - age;
            int i = (int) (second % SECONDS);
            if (bucketSecond[i] == second) {
                freed += buckets[i];
            }
            if (freed >= excess) {
                return SECONDS - age;
            }
        }
        return SECONDS;
    }
}
