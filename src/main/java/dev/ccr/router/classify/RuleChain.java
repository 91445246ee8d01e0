package dev.ccr.router.classify;

import dev.ccr.error.RouterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Runs the rules in order; the first that decides wins, so later (and costlier) rules are not evaluated.
 * A rule that fails unexpectedly must not fail the request: it is logged (rule and exception type only, never request
 * content) and the request goes to default. A {@link RouterException} is different: it is the client's own mistake
 * (e.g. an unknown provider in "provider,model") and is answered as such.
 */
public final class RuleChain {
    private static final Logger LOG = LoggerFactory.getLogger(RuleChain.class);

    private final List<ClassificationRule> rules;

    public RuleChain(List<ClassificationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<ClassificationRule> rules() {
        return rules;
    }

    public Decision classify(RuleInput input) {
        for (ClassificationRule rule : rules) {
            Optional<Decision> decision;
            try {
                decision = rule.decide(input);
            } catch (RouterException e) {
                throw e;
            } catch (RuntimeException e) {
                StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
                LOG.warn("Classification rule {} failed ({} at {}); request sent to default", rule.name(),
                        e.getClass().getName(), at);
                return Decision.of(Categories.DEFAULT, "rule " + rule.name() + " failed (" + e.getClass().getSimpleName()
                        + ")");
            }
            if (decision.isPresent()) {
                return decision.get();
            }
        }
        return Decision.of(Categories.DEFAULT, "no rule matched");
    }
}
