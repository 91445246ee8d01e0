package dev.ccr.stats;

import dev.ccr.router.RequestListener;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.ProviderStatusBoard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statistics, metrics, JMX and the request log, installed in one call from the router's configuration. Binds the
 * beans the routes of routes/common/stats.camel.yaml and metrics.camel.yaml use ({@code statsResponder},
 * {@code metricsResponder}), the Prometheus registry as {@code metricsRegistry} (the name camel-micrometer looks up,
 * so micrometer: endpoints in routes land in the same /metrics), and joins the context's lifecycle: MBeans are
 * registered at start and removed at stop, with the meter binders.
 */
public final class Observability extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final RequestListener listener;
    private final RequestStatistics statistics;
    private final PrometheusMeterRegistry meters;
    private final List<AutoCloseable> closeables;
    private final JmxBeans jmx;

    private Observability(RequestListener listener, RequestStatistics statistics,
                          MeterRegistryFactory.Meters meters, JmxBeans jmx) {
        this.listener = listener;
        this.statistics = statistics;
        this.meters = meters.registry();
        this.closeables = meters.closeables();
        this.jmx = jmx;
    }

    /**
     * Creates and binds everything; give {@link #listener()} to the request reader.
     *
     * <p>Properties: {@code ccr.log.requests} (one log line per request, default false),
     * {@code ccr.log.provider-selection} (one per provider attempt, default false), {@code ccr.jmx.enabled}
     * (the dev.ccr MBeans, default true), {@code ccr.stats.max-models} (distinct model labels before they count as
     * "other", default 100).
     */
    public static Observability install(CamelContext context, ProviderRegistry providers,
                                        CircuitBreakerRegistry breakers, ProviderStatusBoard board,
                                        Settings settings) {
        Set<String> names = providers.names();
        InFlightCalls inFlight = new InFlightCalls(names);
        RequestStatistics statistics = new RequestStatistics(Clock.SYSTEM, breakers, inFlight, names);
        MeterRegistryFactory.Meters meters = MeterRegistryFactory.create(breakers);

        List<RequestObserver> observers = new ArrayList<>(List.of(inFlight, statistics,
                new RequestMetrics(meters.registry(), inFlight, names)));
        boolean logRequests = settings.bool("ccr.log.requests", false);
        boolean logSelection = settings.bool("ccr.log.provider-selection", false);
        if (logRequests || logSelection) {
            observers.add(new RequestLog(logRequests, logSelection));
        }
        AttemptTracker tracker = new AttemptTracker(observers,
                new ModelLabels(settings.positive("ccr.stats.max-models", 100)));

        JmxBeans jmx = settings.bool("ccr.jmx.enabled", true) ? new JmxBeans(statistics, breakers, board) : null;
        Observability installed = new Observability(tracker, statistics, meters, jmx);
        context.getRegistry().bind("requestStatistics", statistics);
        context.getRegistry().bind("statsResponder", new StatsResponder(statistics));
        context.getRegistry().bind("metricsRegistry", meters.registry());
        context.getRegistry().bind("metricsResponder", new MetricsResponder(meters.registry()));
        try {
            context.addService(installed, true, false);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add the observability service", e);
        }
        return installed;
    }

    /** The listener every Messages request reports to. */
    public RequestListener listener() {
        return listener;
    }

    public RequestStatistics statistics() {
        return statistics;
    }

    public PrometheusMeterRegistry meters() {
        return meters;
    }

    @Override
    protected void doStart() {
        if (jmx != null) {
            jmx.register();
        }
    }

    @Override
    protected void doStop() {
        if (jmx != null) {
            jmx.unregister();
        }
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing {} failed: {}", closeable, e.getMessage());
            }
        }
        meters.close();
    }
}
