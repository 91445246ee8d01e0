package dev.ccr.router;

import org.apache.camel.Component;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultEndpoint;

/** A {@code provider:} endpoint: something to send a request to, never something that receives. */
abstract class TargetEndpoint extends DefaultEndpoint {
    TargetEndpoint(String uri, Component component) {
        super(uri, component);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("provider: endpoints are targets only");
    }

    @Override
    public boolean isSingleton() {
        return true;
    }
}
