package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.NameRules;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code provider:pinned} — the target a request pinned itself ("provider,model" in its model field, a model map
 * entry, a subagent tag), which the classifier checked and left as a {@link Target} in the exchange property
 * {@value ExchangeKeys#PINNED_TARGET}. The target is data: it only picks one of the provider routes' producers made
 * at start-up from the configuration, so nothing a client or an admin writes ever becomes part of an endpoint URI
 * (where Camel would resolve {@code {{…}}} placeholders).
 */
public class PinnedTargetEndpoint extends TargetEndpoint {
    public static final String URI = "provider:" + NameRules.PINNED;

    private final ProviderRegistry providers;
    private final ProviderStatusBoard board;

    PinnedTargetEndpoint(String uri, ProviderComponent component, ProviderRegistry providers, ProviderStatusBoard board) {
        super(uri, component);
        this.providers = providers;
        this.board = board;
    }

    /** The provider an exchange was pinned to, or null. */
    public static String providerOf(Exchange exchange) {
        Target target = exchange.getProperty(ExchangeKeys.PINNED_TARGET, Target.class);
        return target == null ? null : target.provider();
    }

    @Override
    public Producer createProducer() {
        return new PinnedTargetProducer();
    }

    private final class PinnedTargetProducer extends DefaultAsyncProducer {
        private final Map<String, AsyncProducer> routes = new LinkedHashMap<>();

        PinnedTargetProducer() {
            super(PinnedTargetEndpoint.this);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            Target target = exchange.getProperty(ExchangeKeys.PINNED_TARGET, Target.class);
            AsyncProducer route = target == null ? null : routes.get(target.provider());
            if (route == null) {
                // the classifier only pins configured providers: reaching here is a routing mistake, not the client's
                exchange.setException(new RouterException(ErrorType.API,
                        "No pinned target on this request (" + URI + " is for explicit requests only)"));
                callback.done(true);
                return true;
            }
            return TargetCall.attempt(target, board.get(target.provider()), route, exchange, callback);
        }

        @Override
        protected void doStart() throws Exception {
            for (ProviderClient provider : providers.all()) {
                String name = provider.settings().name();
                AsyncProducer route = getCamelContext().getEndpoint(RouterNames.providerRoute(name)).createAsyncProducer();
                ServiceHelper.startService(route);
                routes.put(name, route);
            }
        }

        @Override
        protected void doStop() throws Exception {
            ServiceHelper.stopService(routes.values());
            routes.clear();
        }
    }
}
