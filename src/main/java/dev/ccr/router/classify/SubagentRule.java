package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A request from a Claude Code subagent (its billing line says {@code cc_is_subagent=true}) goes to the subagent
 * category — but only when a route serves it: without one the request is left to the later rules (thinking,
 * background, …) rather than dropped to default, which the generic no-route fallback would do.
 */
public final class SubagentRule implements ClassificationRule {
    private static final String BILLING_LINE = "x-anthropic-billing-header:";
    private static final String SUBAGENT_FLAG = "cc_is_subagent=true";

    @Override
    public String name() {
        return "subagent";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        if (!isSubagent(input.request().system()) || !input.hasRouteFor(Categories.SUBAGENT)) {
            return Optional.empty();
        }
        return Optional.of(Decision.of(Categories.SUBAGENT, "billing line marks a subagent request"));
    }

    private static boolean isSubagent(JsonNode system) {
        if (system.isTextual()) {
            return isFlaggedBillingLine(system.asText());
        }
        for (JsonNode block : system) {
            if (isFlaggedBillingLine(block.path("text").asText(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFlaggedBillingLine(String text) {
        if (!text.startsWith(BILLING_LINE)) {
            return false;
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).contains(SUBAGENT_FLAG);
    }
}
