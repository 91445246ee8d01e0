package dev.ccr.router;

import dev.ccr.router.classify.Decision;
import dev.ccr.config.Settings;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.classify.Categories;
import dev.ccr.router.classify.ModelOverrides;
import dev.ccr.router.classify.RoutingRules;
import dev.ccr.router.classify.RuleChain;
import dev.ccr.router.classify.RuleInput;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;

import java.util.List;
import java.util.Optional;

/**
 * Decides the category of a request and records it (with its reason) on the exchange; the ingress route then sends
 * it to {@code direct:category-<category>} through the {@link CategoryDispatcher}.
 *
 * <h2>Rules, in the order they are checked (the first that matches decides)</h2>
 * <ol>
 *   <li><b>explicit</b> from a subagent tag: a system block (any of them; system may be a string) starts with
 *       {@code <CCR-SUBAGENT-MODEL>provider,model</CCR-SUBAGENT-MODEL>}. The tag is removed from what goes upstream.
 *       First because a subagent inherits the main model, while the tag is what the user chose for that agent.</li>
 *   <li><b>explicit</b> from the model field: {@code provider,model}. Unknown provider: 404 not_found_error;
 *       a model the provider does not list: 400.</li>
 *   <li><b>explicit</b> from the model map: {@code ccr.routing.model-map.<client model>=provider,model}, matched
 *       exactly, then ignoring case, a date suffix and dots versus dashes.</li>
 *   <li><b>image</b>: an image in the last user message, also inside a tool result.</li>
 *   <li><b>longcontext</b>: more than {@code ccr.routing.long-context-threshold} tokens (cl100k estimate).</li>
 *   <li><b>search</b>: a server tool whose type starts with {@code web_search} (optionally any tool named *search*).</li>
 *   <li><b>subagent</b>: the billing line says {@code cc_is_subagent=true}, and a subagent route exists.</li>
 *   <li><b>thinking</b>: thinking enabled with a budget of at least {@code ccr.routing.thinking.min-budget-tokens},
 *       or {@code output_config.effort} in {@code ccr.routing.thinking.efforts}.</li>
 *   <li><b>background</b>: a title-generation request (json_schema output, no tools), or a model name containing
 *       one of {@code ccr.routing.background.model-patterns}.</li>
 *   <li><b>default</b>.</li>
 * </ol>
 * Why this order: a target the user pinned wins over everything; then what the provider must be <em>able</em> to do
 * (see an image, hold the context, run web search) before what the user <em>prefers</em> (subagent, thinking,
 * background). The token count, the only costly check, runs only when no pinned target or image decided.
 * <p>
 * A category with no route falls back to default (the reason says so). A rule failing unexpectedly sends the request
 * to default instead of failing it.
 */
public final class RequestClassifier implements Processor, CamelContextAware {

    private final RuleChain rules;
    private CamelContext camelContext;

    public RequestClassifier(RuleChain rules) {
        this.rules = rules;
    }


    /**
     * The classifier configured by the {@code ccr.routing.*} properties.
     *
     * @param propertyNames every configured property name: the model map's entries are found among them
     */
    public static RequestClassifier create(Settings settings, Iterable<String> propertyNames,
                                           ProviderRegistry providers, TokenCounter tokens,
                                           ModelOverrides runtimeOverrides) {
        return new RequestClassifier(RoutingRules.load(settings, propertyNames, providers, tokens, runtimeOverrides));
    }

    @Override
    public void process(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        Decision decision = classify(request);
        exchange.setProperty(ExchangeKeys.CATEGORY, decision.category());
        exchange.setProperty(ExchangeKeys.REASON, decision.reason());
        if (decision.explicitTarget() != null) {
            exchange.setProperty(ExchangeKeys.PINNED_TARGET, decision.explicitTarget());
            exchange.setProperty(ExchangeKeys.TARGET_PROVIDER, decision.explicitTarget().provider());
            exchange.setProperty(ExchangeKeys.TARGET_MODEL, decision.explicitTarget().model());
        }
        if (decision.upstreamRequest() != null) {
            exchange.setProperty(ExchangeKeys.REQUEST, decision.upstreamRequest());
        }
        RequestRecord record = exchange.getProperty(ExchangeKeys.RECORD, RequestRecord.class);
        if (record != null) {
            record.classified(decision.category(), decision.reason());
        }
    }

    /** The decision for a request, with the no-route fallback to default applied. */
    Decision classify(MessagesRequest request) {
        Decision decision = rules.classify(new RuleInput(request, this::hasCategoryRoute));
        if (decision.explicitTarget() == null && !Categories.DEFAULT.equals(decision.category())
                && !hasCategoryRoute(decision.category())) {
            return new Decision(Categories.DEFAULT, decision.reason() + "; no route for category " + decision.category(), null,
                    decision.upstreamRequest());
        }
        return decision;
    }

    private boolean hasCategoryRoute(String category) {
        for (Route route : camelContext.getRoutes()) {
            if (RouterNames.categoryOf(route.getEndpoint().getEndpointUri()).filter(category::equals).isPresent()) {
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
