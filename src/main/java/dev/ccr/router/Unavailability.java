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
}
