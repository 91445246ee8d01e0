package dev.ccr.ingress;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * On shutdown, before Camel stops the routes (and Netty closes the client connections), lets the streams under way
 * finish for a grace period ({@code ccr.shutdown.grace}), while new requests are turned away with a 503.
 */
public final class GracefulDrain extends EventNotifierSupport {
    private static final Logger LOG = LoggerFactory.getLogger(GracefulDrain.class);
    private final ActiveRequests requests;
    private final Duration grace;

    public GracefulDrain(ActiveRequests requests, Duration grace) {
        this.requests = requests;
        this.grace = grace;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        if (requests.active() > 0) {
            LOG.info("Shutting down: waiting up to {} s for {} request(s) under way", grace.toSeconds(),
                    requests.active());
        }
        int left = requests.drain(grace);
        if (left > 0) {
            LOG.warn("Shutting down with {} request(s) still under way after the grace period", left);
        }
    }
}
