package dev.ccr.router.classify;

import dev.ccr.error.RouterException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.model.MessagesRequest;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * A classification rule as a Camel predicate, so that routes/common/classify.camel.yaml can use it as a {@code when}
 * (a bean predicate by name). When the rule matches it leaves its reason on the exchange, and the target it pinned
 * or the request to send on instead, if any; the {@code when}'s steps say which category that is.
 * <p>
 * A rule that fails unexpectedly must not fail the request: it is logged (rule and exception type only, never
 * request content) and {@link ClassificationRuleFailedException} lets the flow send the request to default without
 * asking later rules. A {@link RouterException} is the client's own mistake (an unknown provider in
 * "provider,model") and is answered as such.
 */
public final class RulePredicate implements Predicate {
    private static final Logger LOG = LoggerFactory.getLogger(RulePredicate.class);

    private final ClassificationRule rule;
    private final CategoryRoutes routes;

    public RulePredicate(ClassificationRule rule, CategoryRoutes routes) {
        this.rule = rule;
        this.routes = routes;
    }

    public ClassificationRule rule() {
        return rule;
    }

    @Override
    public boolean matches(Exchange exchange) {
        MessagesRequest request = exchange.getProperty(ExchangeKeys.REQUEST, MessagesRequest.class);
        Optional<Decision> decision;
        try {
            decision = rule.decide(new RuleInput(request, routes::exists));
        } catch (RouterException e) {
            throw e;
        } catch (RuntimeException e) {
            StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            LOG.warn("Classification rule {} failed ({} at {}); request sent to default", rule.name(),
                    e.getClass().getName(), at);
            throw new ClassificationRuleFailedException(rule.name(), e);
        }
        decision.ifPresent(d -> {
            exchange.setProperty(ExchangeKeys.REASON, d.reason());
            if (d.explicitTarget() != null) {
                exchange.setProperty(ExchangeKeys.PINNED_TARGET, d.explicitTarget());
            }
            if (d.upstreamRequest() != null) {
                exchange.setProperty(ExchangeKeys.REQUEST, d.upstreamRequest());
            }
        });
        return decision.isPresent();
    }

    @Override
    public String toString() {
        return "rule " + rule.name();
    }
}
