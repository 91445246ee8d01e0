package dev.ccr.stats;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MockClock;

import java.util.List;

/** Statistics for providers "anthropic" and "backup" (each with a breaker), fed through the real tracker. */
final class StatisticsFixture {
    final MockClock clock = new MockClock();
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    final InFlightCalls inFlight;
    final RequestStatistics statistics;
    final AttemptTracker tracker;
    final ScriptedRequests requests;

    StatisticsFixture(RequestObserver... more) {
        List<String> providers = List.of("anthropic", "backup");
        providers.forEach(breakers::circuitBreaker);
        inFlight = new InFlightCalls(providers);
        statistics = new RequestStatistics(clock, breakers, inFlight, providers);
        List<RequestObserver> observers = new java.util.ArrayList<>(List.of(inFlight, statistics));
        observers.addAll(List.of(more));
        tracker = new AttemptTracker(observers, new ModelLabels(100));
        requests = new ScriptedRequests(tracker);
    }
}
