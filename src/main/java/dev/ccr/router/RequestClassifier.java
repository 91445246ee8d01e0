package dev.ccr.router;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.stats.RequestRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;

/**
 * Decides the category of a request and records it (with its reason) on the exchange; the ingress route then sends
 * it to {@code direct:category-<category>}. A category with no route falls back to {@code default}.
 */
public final class RequestClassifier implements Processor, CamelContextAware {
    public static final String EXPLICIT = "explicit";
    public static final String DEFAULT = "default";

    private final ProviderRegistry providers;
    private CamelContext camelContext;

    public RequestClassifier(ProviderRegistry providers) {
        this.providers = providers;
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        Decision decision = classify(request);
        if (decision.explicitTarget() == null && !hasCategoryRoute(decision.category())) {
            decision = Decision.of(DEFAULT, decision.reason() + "; no route for category " + decision.category());
        }
        exchange.setProperty(ExchangeKeys.CATEGORY, decision.category());
        exchange.setProperty(ExchangeKeys.REASON, decision.reason());
        if (decision.explicitTarget() != null) {
            exchange.setProperty(ExchangeKeys.TARGET_PROVIDER, decision.explicitTarget().provider());
            exchange.setProperty(ExchangeKeys.TARGET_MODEL, decision.explicitTarget().model());
        }
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.classified(decision.category(), decision.reason());
        }
    }

    Decision classify(MessagesRequest request) {
        String model = request.model();
        int comma = model.indexOf(',');
        if (comma > 0) {
            Target target = explicitTarget(model.substring(0, comma).trim(), model.substring(comma + 1).trim());
            return new Decision(EXPLICIT, "model names provider '" + target.provider() + "'", target);
        }
        return Decision.of(DEFAULT, "no rule matched");
    }

    private Target explicitTarget(String provider, String model) {
        ProviderSettings settings = providers.find(provider).map(p -> p.settings()).orElseThrow(() ->
                new RouterException(ErrorType.NOT_FOUND, "Unknown provider '" + provider + "' in model '"
                        + provider + "," + model + "'; configured providers: " + String.join(", ", providers.names())));
        if (model.isEmpty() || !settings.serves(model)) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "Provider '" + provider + "' does not serve model '"
                    + model + "'; its models: " + String.join(", ", settings.models()));
        }
        return new Target(provider, model);
    }

    private boolean hasCategoryRoute(String category) {
        String uri = "direct://category-" + category;
        for (Route route : camelContext.getRoutes()) {
            if (uri.equals(route.getEndpoint().getEndpointUri())) {
                return true;
            }
        }
        return false;
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
