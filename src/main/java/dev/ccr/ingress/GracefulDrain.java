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
    private final ActiveStreams streams;
    private final Duration grace;

    public GracefulDrain(ActiveStreams streams, Duration grace) {
        this.streams = streams;
        this.grace = grace;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        if (streams.active() > 0) {
            LOG.info("Shutting down: waiting up to {} s for {} response(s) still streaming", grace.toSeconds(),
                    streams.active());
        }
        int left = streams.drain(grace);
        if (left > 0) {
            LOG.warn("Shutting down with {} response(s) still streaming after the grace period", left);
        }
    }
}
