package dev.ccr.router.classify;

import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.router.classify.Decision;
import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

import java.util.Map;
import java.util.Set;

/**
 * The shipped classification flow, routes/common/classify.camel.yaml, in a Camel context of its own with the rule
 * beans the router binds (the same {@link RoutingRules} and {@link ClassificationBeans}) and a do-nothing route for
 * each category given: what the ingress runs for every request, without the HTTP around it.
 */
public final class ClassificationFlow implements AutoCloseable {
    public static final String FILE = "file:routes/common/classify.camel.yaml";

    private final CamelContext camel;
    private final ProducerTemplate producer;

    private ClassificationFlow(CamelContext camel) {
        this.camel = camel;
        this.producer = camel.createProducerTemplate();
    }

    /**
     * @param rules      the rule beans, by name
     * @param categories the categories that have a route
     * @param flowFile   the classification flow to load
     */
    public static ClassificationFlow start(Map<String, ClassificationRule> rules, Set<String> categories,
                                           String flowFile) {
        try {
            CamelContext camel = ClassifierFixture.camelWithRoutes(categories);
            ClassificationBeans.bind(camel, rules);
            PluginHelper.getRoutesLoader(camel).loadRoutes(
                    ResourceHelper.resolveResource(camel, "file:routes/common/error-handling.camel.yaml"),
                    ResourceHelper.resolveResource(camel, flowFile));
            return new ClassificationFlow(camel);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the classification flow", e);
        }
    }

    /** Runs the flow on a request and reads its verdict off the exchange, as the ingress would. */
    public Decision classify(MessagesRequest request) {
        Exchange exchange = exchange(request);
        if (exchange.getException() instanceof RuntimeException e) {
            throw e;
        }
        MessagesRequest after = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        return new Decision(exchange.getProperty(ExchangeKeys.CATEGORY, String.class),
                exchange.getProperty(ExchangeKeys.REASON, String.class),
                exchange.getProperty(ExchangeKeys.PINNED_TARGET, Target.class), after == request ? null : after);
    }

    /** The exchange after the flow, with a request record on it. */
    public Exchange exchange(MessagesRequest request) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(ExchangeKeys.REQUEST, request);
        exchange.setProperty(ExchangeKeys.RECORD, new RequestRecord(RequestListener.NONE));
        return producer.send("direct:classify", exchange);
    }

    @Override
    public void close() {
        camel.stop();
    }
}
