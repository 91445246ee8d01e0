package dev.ccr.stats;

import dev.ccr.request.RequestListener;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.ProviderStatusBoard;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Statistics, metrics, JMX and the request log, built in one call; the router's wiring binds what the routes use
 * ({@link StatsBeans}) and adds this as a context service, so MBeans are registered at start and removed at stop,
 * with the meter binders.
 */
public final class Observability extends ServiceSupport {
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    private final RequestListener listener;
    private final RequestStatistics statistics;
    private final PrometheusMeterRegistry meters;
    private final List<AutoCloseable> closeables;
    private final JmxBeans jmx;
    private final TargetTraffic targetTraffic;
    private final SessionStatistics sessions;

    private Observability(RequestListener listener, RequestStatistics statistics, TargetTraffic targetTraffic,
                          SessionStatistics sessions, MeterRegistryFactory.Meters meters, JmxBeans jmx) {
        this.listener = listener;
        this.targetTraffic = targetTraffic;
        this.sessions = sessions;
        this.statistics = statistics;
        this.meters = meters.registry();
        this.closeables = meters.closeables();
        this.jmx = jmx;
    }

    /**
     * Creates everything; give {@link #listener()} to the request reader.
     *
     * <p>Properties: {@code ccr.log.requests} (one log line per request, default false),
     * {@code ccr.log.provider-selection} (one per provider attempt, default false), {@code ccr.jmx.enabled}
     * (the dev.ccr MBeans, default true), {@code ccr.stats.max-models} (distinct model labels before they count as
     * "other", default 100).
     */
    public static Observability create(ProviderRegistry providers, CircuitBreakerRegistry breakers,
                                       ProviderStatusBoard board, Settings settings) {
        Set<String> names = providers.names();
        InFlightCalls inFlight = new InFlightCalls(names);
        RequestStatistics statistics = new RequestStatistics(Clock.SYSTEM, breakers, inFlight, names);
        MeterRegistryFactory.Meters meters = MeterRegistryFactory.create(breakers);

        TargetTraffic targetTraffic = new TargetTraffic();
        SessionStatistics sessions = new SessionStatistics(settings.positive("ccr.stats.max-sessions", 1000));
        List<RequestObserver> observers = new ArrayList<>(List.of(inFlight, statistics, targetTraffic, sessions,
                new RequestMetrics(meters.registry(), inFlight, names)));
        boolean logRequests = settings.bool("ccr.log.requests", false);
        boolean logSelection = settings.bool("ccr.log.provider-selection", false);
        if (logRequests || logSelection) {
            observers.add(new RequestLog(logRequests, logSelection));
        }
        AttemptTracker tracker = new AttemptTracker(observers,
                new ModelLabels(settings.positive("ccr.stats.max-models", 100)));

        JmxBeans jmx = settings.bool("ccr.jmx.enabled", true) ? new JmxBeans(statistics, breakers, board) : null;
        return new Observability(tracker, statistics, targetTraffic, sessions, meters, jmx);
    }

    /** The listener every Messages request reports to. */
    public RequestListener listener() {
        return listener;
    }

    public RequestStatistics statistics() {
        return statistics;
    }

    /** Calls per category and target, for the load-balancing view. */
    public TargetTraffic targetTraffic() {
        return targetTraffic;
    }

    /** The recent Claude Code sessions, for GET /stats/sessions/<id>. */
    public SessionStatistics sessions() {
        return sessions;
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
