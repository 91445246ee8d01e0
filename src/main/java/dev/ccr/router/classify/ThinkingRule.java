package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * The client asks for more reasoning than usual. Today's Claude Code sends a {@code thinking} field on almost every
 * request, so its presence says nothing: what counts is an enabled thinking budget of at least
 * {@code minBudgetTokens}, or an {@code output_config.effort} among {@code efforts}.
 */
public final class ThinkingRule implements ClassificationRule {
    private final int minBudgetTokens;
    private final Set<String> efforts;

    public ThinkingRule(int minBudgetTokens, Set<String> efforts) {
        this.minBudgetTokens = minBudgetTokens;
        this.efforts = Set.copyOf(efforts);
    }

    @Override
    public String name() {
        return "thinking";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        JsonNode body = input.request().body();
        JsonNode thinking = body.path("thinking");
        int budget = thinking.path("budget_tokens").asInt(0);
        if ("enabled".equals(thinking.path("type").asText()) && budget >= minBudgetTokens) {
            return Optional.of(Decision.of(Categories.THINKING,
                    "thinking budget " + budget + " >= " + minBudgetTokens));
        }
        String effort = body.path("output_config").path("effort").asText("");
        if (efforts.contains(effort)) {
            return Optional.of(Decision.of(Categories.THINKING, "effort " + effort));
        }
        return Optional.empty();
    }
}
