package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.model.Target;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;

/**
 * One target written in a route file, {@code provider:NAME[?model=MODEL]}. Sending to it makes one
 * {@link TargetCall attempt} at that provider and model.
 */
public class ProviderEndpoint extends TargetEndpoint {
    private final String provider;
    private final String model;
    private final ProviderStatusBoard board;

    ProviderEndpoint(String uri, ProviderComponent component, String provider, String model, ProviderStatusBoard board) {
        super(uri, component);
        this.provider = provider;
        this.model = model;
        this.board = board;
    }

    public String getProvider() {
        return provider;
    }

    public String getModel() {
        return model;
    }

    public Target target() {
        return new Target(provider, model);
    }

    @Override
    public Producer createProducer() throws Exception {
        return new TargetProducer(getCamelContext().getEndpoint(RouterNames.providerRoute(provider)).createAsyncProducer());
    }

    private final class TargetProducer extends DefaultAsyncProducer {
        private final AsyncProducer route;

        TargetProducer(AsyncProducer route) {
            super(ProviderEndpoint.this);
            this.route = route;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            return TargetCall.attempt(target(), board.get(provider), route, exchange, callback);
        }

        @Override
        protected void doStart() throws Exception {
            ServiceHelper.startService(route);
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(route);
        }
    }
}
