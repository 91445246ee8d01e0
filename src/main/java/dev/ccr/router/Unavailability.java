package dev.ccr.router;

import java.time.Duration;

/**
 * Why a provider takes no call right now, and for how long if known.
 *
 * @param reason     for the client and the logs, e.g. "disabled", "rate limited by the provider"
 * @param retryAfter when it may be tried again, or null
 * @param overloaded true when the provider is busy (capacity, budget, rate limit) rather than broken
 */
public record Unavailability(String reason, Duration retryAfter, boolean overloaded) {

    /**
     * A sentence for the client and the logs: "Provider 'x' is disabled", "Provider 'x' has no API key: set …". The
     * reasons of missing credentials are whole predicates already ("has no API key…", "is not active…").
     */
    public String explain(String provider) {
        boolean predicate = reason.startsWith("is ") || reason.startsWith("has ");
        return "Provider '" + provider + "' " + (predicate ? reason : "is " + reason);
    }
}
