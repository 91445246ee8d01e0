package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a provider wants to be told about reasoning, chosen by the option {@code reasoning-style}. Anthropic says it
 * with {@code thinking} ({@code enabled} + budget_tokens, {@code adaptive}, {@code disabled}) and
 * {@code output_config.effort}; only an enabled or adaptive {@code thinking} asks for reasoning at all, because
 * Claude Code also sends an effort on requests that must not think (e.g. its web search sub-request).
 */
enum ReasoningStyle {
    /** Say nothing: the provider's model has no reasoning controls (or they are unknown). */
    NONE {
        @Override
        void apply(JsonNode thinking, JsonNode outputConfig, ObjectNode out) {
        }
    },
    /** OpenAI's {@code reasoning_effort: low|medium|high}. */
    OPENAI {
        @Override
        void apply(JsonNode thinking, JsonNode outputConfig, ObjectNode out) {
            String effort = effort(thinking, outputConfig);
            if (wantsReasoning(thinking) && effort != null) {
                out.put("reasoning_effort", effort);
            }
        }
    },
    /** OpenRouter's unified {@code reasoning: {max_tokens}} or {@code {effort}}, or {@code {enabled: true}}. */
    OPENROUTER {
        @Override
        void apply(JsonNode thinking, JsonNode outputConfig, ObjectNode out) {
            if (!wantsReasoning(thinking)) {
                return;
            }
            ObjectNode reasoning = out.putObject("reasoning");
            // an explicit budget (MAX_THINKING_TOKENS) is the more precise wish; OpenRouter takes one of the two
            long budget = thinking.path("budget_tokens").asLong(0);
            String effort = effort(thinking, outputConfig);
            if (budget > 0) {
                reasoning.put("max_tokens", budget);
            } else if (effort != null) {
                reasoning.put("effort", effort);
            } else {
                reasoning.put("enabled", true);
            }
        }
    },
    /** DeepSeek: the model (deepseek-reasoner or not) decides; there is nothing to send. */
    DEEPSEEK {
        @Override
        void apply(JsonNode thinking, JsonNode outputConfig, ObjectNode out) {
        }
    };

    /** Budgets at or below these map to low / medium; anything above is high. */
    static final long LOW_BUDGET = 4_096;
    static final long MEDIUM_BUDGET = 16_384;

    /** Adds this style's reasoning fields to the OpenAI request {@code out}. Arguments are missing nodes if absent. */
    abstract void apply(JsonNode thinking, JsonNode outputConfig, ObjectNode out);

    static boolean wantsReasoning(JsonNode thinking) {
        String type = thinking.path("type").asText("");
        return type.equals("enabled") || type.equals("adaptive");
    }

    /**
     * low / medium / high from Anthropic's effort (max counts as high: OpenAI has nothing above) or else from the
     * thinking budget; null when neither says (adaptive thinking without effort leaves it to the provider).
     */
    static String effort(JsonNode thinking, JsonNode outputConfig) {
        String effort = outputConfig.path("effort").asText("");
        switch (effort) {
            case "low", "medium", "high" -> {
                return effort;
            }
            case "max", "xhigh" -> {
                return "high";
            }
            default -> {
                // no usable effort: fall back to the budget
            }
        }
        long budget = thinking.path("budget_tokens").asLong(0);
        if (budget <= 0) {
            return null;
        }
        return budget <= LOW_BUDGET ? "low" : budget <= MEDIUM_BUDGET ? "medium" : "high";
    }
}
