package dev.ccr.router;

import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Active health checks: each provider with {@code health-check.interval} set is probed with a cheap authenticated GET
 * (its model list, or {@code health-check.path}); after {@code retries} failures in a row it is marked unhealthy and
 * balancers skip it until a probe succeeds again. A Camel service, started and stopped with the context.
 */
public final class HealthChecker extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

    private final ProviderRegistry providers;
    private final ProviderStatusBoard board;
    private final Function<String, String> defaultPathByProtocol;
    private final Map<String, AtomicInteger> failuresInARow = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    public HealthChecker(ProviderRegistry providers, ProviderStatusBoard board,
                         Function<String, String> defaultPathByProtocol) {
        this.providers = providers;
        this.board = board;
        this.defaultPathByProtocol = defaultPathByProtocol;
    }

    @Override
    protected void doStart() {
        for (ProviderClient provider : providers.all()) {
            ProviderSettings.HealthCheck check = provider.settings().healthCheck();
            if (!check.enabled()) {
                continue;
            }
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "provider-health-check");
                    t.setDaemon(true);
                    return t;
                });
            }
            long every = check.interval().toMillis();
            scheduler.scheduleWithFixedDelay(() -> probe(provider), 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Probes one provider once and records the result on its status. */
    public void probe(ProviderClient provider) {
        ProviderSettings settings = provider.settings();
        if (provider.missingReason() != null) {
            return;
        }
        String path = settings.healthCheck().path().isEmpty()
                ? defaultPathByProtocol.apply(settings.protocol()) : settings.healthCheck().path();
        provider.probe(path, settings.healthCheck().timeout()).whenComplete((status, failure) -> {
            ProviderStatus target = board.get(settings.name());
            AtomicInteger failures = failuresInARow.computeIfAbsent(settings.name(), n -> new AtomicInteger());
            boolean ok = failure == null && status >= 200 && status < 300;
            if (ok) {
                failures.set(0);
                if (Boolean.FALSE.equals(target.healthy())) {
                    LOG.info("Provider {} passes its health check again", settings.name());
                }
                target.setHealthy(true);
            } else if (failures.incrementAndGet() >= settings.healthCheck().retries()) {
                if (!Boolean.FALSE.equals(target.healthy())) {
                    LOG.warn("Provider {} fails its health check ({}): out of rotation until it passes",
                            settings.name(), failure != null ? failure.getClass().getSimpleName() : "HTTP " + status);
                }
                target.setHealthy(false);
            }
        });
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
