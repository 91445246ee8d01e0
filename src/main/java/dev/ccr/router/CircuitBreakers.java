package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.provider.ProviderRejectedException;
import dev.ccr.provider.ProviderSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One Resilience4j circuit breaker per provider, configured from that provider's settings and shared by every route
 * that calls it. The route template's circuitBreaker step refers to it by name ({@link RouterNames#breaker}). A
 * refusal of the request itself (4xx) says nothing about the provider's health, so it is not counted.
 */
public final class CircuitBreakers {
    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

    public CircuitBreaker create(ProviderSettings provider) {
        ProviderSettings.Breaker b = provider.breaker();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(b.failureRateThreshold())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(b.slidingWindowSize())
                .minimumNumberOfCalls(b.minimumNumberOfCalls())
                .waitDurationInOpenState(b.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(b.permittedCallsInHalfOpen())
                .slowCallDurationThreshold(b.slowCallDurationThreshold())
                .slowCallRateThreshold(b.slowCallRateThreshold())
                .ignoreExceptions(ProviderRejectedException.class)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .writableStackTraceEnabled(false)
                .build();
        return registry.circuitBreaker(provider.name(), config);
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public java.util.Optional<CircuitBreaker> find(String provider) {
        return registry.find(provider);
    }
}
