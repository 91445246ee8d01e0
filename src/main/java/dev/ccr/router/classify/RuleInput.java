package dev.ccr.router.classify;

import dev.ccr.model.MessagesRequest;

import java.util.function.Predicate;

/**
 * What a rule looks at.
 *
 * @param request       the request as the client sent it
 * @param categoryRoute whether a route {@code direct:category-<name>} exists, for rules that only make sense with one
 */
public record RuleInput(MessagesRequest request, Predicate<String> categoryRoute) {

    public boolean hasRouteFor(String category) {
        return categoryRoute.test(category);
    }
}
