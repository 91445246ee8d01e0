package dev.ccr.router;

import dev.ccr.provider.ProviderRegistry;

import dev.ccr.shared.Allowances;
import dev.ccr.shared.ChangeFeed;
import dev.ccr.shared.ConcurrencyLimits;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The run-time status of every configured provider, by name. */
public final class ProviderStatusBoard {
    private static final String PAUSE_TOPIC = "pause";
    private final Map<String, ProviderStatus> statuses = new LinkedHashMap<>();

    public ProviderStatusBoard(ProviderRegistry providers, Function<String, io.github.resilience4j.circuitbreaker.CircuitBreaker> breakers) {
        providers.all().forEach(p -> statuses.put(p.settings().name(),
                new ProviderStatus(p, breakers.apply(p.settings().name()))));
    }

    public ProviderStatus get(String provider) {
        ProviderStatus status = statuses.get(provider);
        if (status == null) {
            throw new IllegalArgumentException("Unknown provider '" + provider + "'");
        }
        return status;
    }

    /**
     * Shares with the other instances, through Redis: each provider's tokens per minute (one Bucket4j bucket for all
     * instances), its calls at once (one leased semaphore for all instances, each slot leased for at most the
     * provider's whole-request timeout, so a crashed instance's slots come back) and the retry-after pauses providers ask for (announced on the change feed, as a duration so the
     * instances' clocks need not agree).
     */
    public void share(Allowances allowances, ConcurrencyLimits concurrency, ChangeFeed feed) {
        for (ProviderStatus status : statuses.values()) {
            int maxConcurrent = status.settings().limits().maxConcurrentRequests();
            if (maxConcurrent > 0) {
                status.shareConcurrency(concurrency.get("provider:" + status.name() + ":concurrent", maxConcurrent,
                        status.settings().timeouts().total()));
            }
            long perMinute = status.settings().limits().maxTokensPerMinute();
            if (perMinute > 0) {
                status.shareTokenBudget(allowances.get("provider:" + status.name() + ":tokens", perMinute,
                        Duration.ofMinutes(1)));
            }
            status.onPause(millis -> feed.publish(PAUSE_TOPIC, status.name() + " " + millis));
        }
        feed.subscribe(PAUSE_TOPIC, detail -> {
            String[] parts = detail == null ? new String[0] : detail.split(" ");
            if (parts.length == 2 && statuses.containsKey(parts[0])) {
                try {
                    statuses.get(parts[0]).pauseFor(Long.parseLong(parts[1]));
                } catch (NumberFormatException ignored) {
                    // not from a router instance
                }
            }
        });
    }

    public Collection<ProviderStatus> all() {
        return statuses.values();
    }
}
