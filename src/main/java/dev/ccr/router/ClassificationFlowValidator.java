package dev.ccr.router;

import dev.ccr.config.ConfigException;
import dev.ccr.model.ExchangeKeys;
import dev.ccr.router.classify.Categories;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ExpressionNode;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SetPropertyDefinition;
import org.apache.camel.model.language.ConstantExpression;
import org.apache.camel.model.language.ExpressionDefinition;
import org.apache.camel.model.language.MethodCallExpression;
import org.apache.camel.model.language.SimpleExpression;

import java.util.List;

/**
 * Checks what a route says about categories before it runs, so an edit of routes/common/classify.camel.yaml with a
 * mistake is refused (at start, or on reload with the old flow kept) instead of misrouting requests: every category
 * it sets is a known one, every rule it names is a bound bean, every simple predicate compiles.
 */
public final class ClassificationFlowValidator {
    private final CamelContext context;

    public ClassificationFlowValidator(CamelContext context) {
        this.context = context;
    }

    public void validate(RouteDefinition route) {
        String file = route.getResource() != null ? route.getResource().getLocation() : "(no file)";
        try {
            check(route.getOutputs());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "route '" + route.getRouteId() + "'", e.getMessage());
        }
    }

    private void check(List<ProcessorDefinition<?>> outputs) {
        for (ProcessorDefinition<?> output : outputs) {
            if (output instanceof SetPropertyDefinition set && ExchangeKeys.CATEGORY.equals(set.getName())
                    && set.getExpression() instanceof ConstantExpression constant
                    && !Categories.ALL.contains(constant.getExpression().trim())) {
                throw new IllegalArgumentException("unknown category '" + constant.getExpression().trim()
                        + "'; categories: " + String.join(", ", Categories.ALL));
            }
            if (output instanceof ExpressionNode node) {
                checkExpression(node.getExpression());
            }
            check(output.getOutputs());
        }
    }

    private void checkExpression(ExpressionDefinition expression) {
        if (expression instanceof MethodCallExpression method && method.getRef() != null
                && context.getRegistry().lookupByName(method.getRef()) == null) {
            throw new IllegalArgumentException("no rule or bean named '" + method.getRef() + "'");
        }
        if (expression instanceof SimpleExpression simple) {
            try {
                context.resolveLanguage("simple").createPredicate(
                        context.resolvePropertyPlaceholders(simple.getExpression()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("simple expression '" + simple.getExpression() + "': "
                        + e.getMessage());
            }
        }
    }
}
