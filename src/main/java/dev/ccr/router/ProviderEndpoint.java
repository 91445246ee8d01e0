package dev.ccr.router;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.stats.RequestRecord;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

/** One target: sets it on the exchange and hands the exchange to the provider's route. */
public class ProviderEndpoint extends DefaultEndpoint {
    private final String provider;
    private final String model;

    ProviderEndpoint(String uri, ProviderComponent component, String provider, String model) {
        super(uri, component);
        this.provider = provider;
        this.model = model;
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
        AsyncProducer route = getCamelContext().getEndpoint("direct:provider-" + provider).createAsyncProducer();
        return new DefaultAsyncProducer(this) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Target target = target();
                exchange.setProperty(ExchangeKeys.TARGET, target);
                RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
                MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
                if (record != null && request != null) {
                    record.attempt(provider, target.modelFor(request));
                }
                return route.process(exchange, callback);
            }

            @Override
            protected void doStart() throws Exception {
                ServiceHelper.startService(route);
            }

            @Override
            protected void doStop() throws Exception {
                ServiceHelper.stopService(route);
            }
        };
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
