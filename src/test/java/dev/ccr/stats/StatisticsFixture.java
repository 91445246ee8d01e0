package dev.ccr.stats;

import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.ProviderStatusBoard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MockClock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Statistics for providers "anthropic" and "backup" (each with a breaker), fed through the real tracker. */
final class StatisticsFixture {
    final MockClock clock = new MockClock();
    final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    final InFlightCalls inFlight;
    final RequestStatistics statistics;
    final AttemptTracker tracker;
    final ScriptedRequests requests;
    final ProviderStatusBoard board;

    StatisticsFixture(RequestObserver... more) {
        List<String> providers = List.of("anthropic", "backup");
        providers.forEach(breakers::circuitBreaker);
        inFlight = new InFlightCalls(providers);
        statistics = new RequestStatistics(clock, breakers, inFlight, providers);
        List<RequestObserver> observers = new java.util.ArrayList<>(List.of(inFlight, statistics));
        observers.addAll(List.of(more));
        tracker = new AttemptTracker(observers, new ModelLabels(100));
        requests = new ScriptedRequests(tracker);
        Map<String, String> config = new HashMap<>();
        for (String name : providers) {
            config.put("ccr.providers." + name + ".protocol", "anthropic");
            config.put("ccr.providers." + name + ".base-url", "http://127.0.0.1:1");
            config.put("ccr.providers." + name + ".api-key", "test-key-" + name);
        }
        ProviderRegistry registry = ProviderRegistry.load(new Settings(k -> Optional.ofNullable(config.get(k)),
                "test.properties"), config.keySet(), ProviderRegistry.apiKeyFactories(), ProviderRegistry.DEFAULT_RETRYABLE);
        board = new ProviderStatusBoard(registry, breakers::circuitBreaker);
    }
}
