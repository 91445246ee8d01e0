package dev.ccr.provider;

import dev.ccr.error.ErrorType;

import java.time.Duration;

/**
 * The provider could not answer this time (refused, timed out, rate limited, overloaded, 5xx): the load balancer may
 * try the next target, and the provider's circuit breaker counts it.
 */
public class ProviderUnavailableException extends ProviderException {
    public ProviderUnavailableException(String provider, FailureKind kind, ErrorType type, int status, String message,
                                        Duration retryAfter, Throwable cause) {
        super(provider, kind, type, status, message, retryAfter, cause);
    }
}
