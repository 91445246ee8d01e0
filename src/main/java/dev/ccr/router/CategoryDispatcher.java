package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.router.classify.Categories;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a classified request to its category route, {@code direct:category-<category>}. The category only picks one
 * of the producers made at start-up for the {@link Categories known categories}; anything else goes to default.
 * So no endpoint URI is ever built from exchange data. (The direct producers look their route up on each call, so a
 * reloaded category file is reached as before.) A request no target of its category can hold moves once to the
 * longcontext route ({@link LongContextFallback}).
 */
public final class CategoryDispatcher extends AsyncProcessorSupport implements CamelContextAware {
    private final Map<String, AsyncProducer> routes = new LinkedHashMap<>();
    private CamelContext camelContext;

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        AsyncProducer route = routes.get(exchange.getProperty(ExchangeKeys.CATEGORY, String.class));
        boolean sync = (route != null ? route : routes.get(Categories.DEFAULT)).process(exchange, doneSync -> {
            if (doneSync) {
                return; // finished below
            }
            if (LongContextFallback.moved(exchange)) {
                routes.get(Categories.LONG_CONTEXT).process(exchange, ds -> callback.done(false));
            } else {
                callback.done(false);
            }
        });
        if (!sync) {
            return false;
        }
        if (LongContextFallback.moved(exchange)) {
            return routes.get(Categories.LONG_CONTEXT).process(exchange, callback);
        }
        callback.done(true);
        return true;
    }

    @Override
    protected void doStart() throws Exception {
        for (String category : Categories.ALL) {
            AsyncProducer route = camelContext.getEndpoint(RouterNames.categoryRoute(category)).createAsyncProducer();
            ServiceHelper.startService(route);
            routes.put(category, route);
        }
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(routes.values());
        routes.clear();
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
