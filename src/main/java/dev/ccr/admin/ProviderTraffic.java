package dev.ccr.admin;

import dev.ccr.router.PinnedTargetEndpoint;
import dev.ccr.router.ProviderEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls sent to each provider (every attempt, failovers included), the failed ones, and the time each
 * successful one took to the provider's answer head, as Camel reports each send to a {@code provider:} target. The
 * counters only grow: the panel turns the difference between two reads into a rate and an average latency.
 */
final class ProviderTraffic extends EventNotifierSupport {
    /** One provider's totals since start. */
    record Totals(long calls, long errors, long latencyMillis) {
    }

    private final Map<String, Counters> counters = new ConcurrentHashMap<>();

    ProviderTraffic() {
        // only sends are of interest: tell Camel to spare the work of making the other events
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreStepEvents(true);
    }

    /** Camel only reports a send as sent when someone took its "sending" event too: so both are taken. */
    @Override
    public boolean isEnabled(CamelEvent event) {
        return (event instanceof CamelEvent.ExchangeSendingEvent sending && isTarget(sending.getEndpoint()))
                || (event instanceof CamelEvent.ExchangeSentEvent sent && isTarget(sent.getEndpoint()));
    }

    private static boolean isTarget(Endpoint endpoint) {
        return endpoint instanceof ProviderEndpoint || endpoint instanceof PinnedTargetEndpoint;
    }

    @Override
    public void notify(CamelEvent event) {
        if (!(event instanceof CamelEvent.ExchangeSentEvent sent)) {
            return;
        }
        String provider = sent.getEndpoint() instanceof ProviderEndpoint target ? target.getProvider()
                : PinnedTargetEndpoint.providerOf(sent.getExchange());
        if (provider == null) {
            return;
        }
        Counters c = counters.computeIfAbsent(provider, p -> new Counters());
        c.calls.increment();
        if (sent.getExchange().getException() != null) {
            c.errors.increment();
        } else {
            c.latencyMillis.add(sent.getTimeTaken());
        }
    }

    Totals totals(String provider) {
        Counters c = counters.get(provider);
        return c == null ? new Totals(0, 0, 0) : new Totals(c.calls.sum(), c.errors.sum(), c.latencyMillis.sum());
    }

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder latencyMillis = new LongAdder();
    }
}
