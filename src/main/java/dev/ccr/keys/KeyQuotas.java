package dev.ccr.keys;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.shared.Allowance;
import dev.ccr.shared.Allowances;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The limits of each per-user key as token buckets: requests per minute, tokens per day, spend per 30 days (counted
 * in micro-dollars). Shared by every instance when the allowances live in Redis. Tokens and spend are known only when
 * an answer ends, so they are charged then and the next request waits once a bucket is spent.
 */
final class KeyQuotas {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MONTH = Duration.ofDays(30);

    private final Allowances allowances;

    KeyQuotas(Allowances allowances) {
        this.allowances = allowances;
    }

    /** Admits one request for the key, or throws a 429 with the wait. */
    void admit(VirtualKey key) {
        KeyLimits limits = key.limits();
        if (limits.tokensPerDay() > 0) {
            refuseIfSpent(tokens(key), key, limits.tokensPerDay() + " tokens per day");
        }
        if (limits.spendPerMonth() != null) {
            refuseIfSpent(spend(key), key, "$" + limits.spendPerMonth().toPlainString() + " per month");
        }
        if (limits.requestsPerMinute() > 0) {
            Duration wait = allowances.get("key:" + key.name() + ":requests", limits.requestsPerMinute(), MINUTE)
                    .tryTake(1);
            if (wait != null) {
                throw overLimit(key, limits.requestsPerMinute() + " requests per minute", wait);
            }
        }
    }

    /** Charges what an answered request used. */
    void charge(VirtualKey key, long tokens, BigDecimal dollars) {
        if (key.limits().tokensPerDay() > 0 && tokens > 0) {
            tokens(key).charge(tokens);
        }
        if (key.limits().spendPerMonth() != null && dollars.signum() > 0) {
            spend(key).charge(micros(dollars));
        }
    }

    private Allowance tokens(VirtualKey key) {
        return allowances.get("key:" + key.name() + ":tokens", key.limits().tokensPerDay(), DAY);
    }

    private Allowance spend(VirtualKey key) {
        return allowances.get("key:" + key.name() + ":spend", micros(key.limits().spendPerMonth()), MONTH);
    }

    private static long micros(BigDecimal dollars) {
        return dollars.movePointRight(6).longValue();
    }

    private static void refuseIfSpent(Allowance allowance, VirtualKey key, String limit) {
        Duration wait = allowance.untilAvailable();
        if (wait != null) {
            throw overLimit(key, limit, wait);
        }
    }

    private static RouterException overLimit(VirtualKey key, String limit, Duration wait) {
        // at least a second: retry-after is in whole seconds, and 0 would invite an immediate retry
        Duration retryAfter = wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
        return new RouterException(ErrorType.RATE_LIMIT, 429, "Key '" + key.name() + "' is over its limit of "
                + limit + ": retry after " + retryAfter.toSeconds() + " s", retryAfter, null);
    }
}
