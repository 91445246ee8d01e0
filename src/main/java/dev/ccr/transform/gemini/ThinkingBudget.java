package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;

/**
 * Claude Code's thinking settings as Gemini's {@code thinkingConfig}. Only an enabled or adaptive {@code thinking}
 * asks for thoughts: Claude Code also sends an effort on requests that must not think (its web search
 * sub-request), and a {@code disabled} or absent {@code thinking} leaves the model's own default alone, because
 * some Gemini models cannot turn thinking off and answer 400 to a budget of 0.
 * <ul>
 * <li>{@code enabled} with {@code budget_tokens}: that budget;</li>
 * <li>{@code adaptive}: a budget for {@code output_config.effort} (low 2048, medium 8192, high 16384, max = the
 * largest allowed), or -1 (Gemini decides) without an effort.</li>
 * </ul>
 * Budgets are clamped to {@code max-thinking-budget}, since Gemini models reject budgets above their own maximum
 * (24576 on Flash) while Claude Code asks for up to 31999.
 *
 * <p>Gemini 3 models ({@code gemini-3*}) take a {@code thinkingLevel} instead of a budget (sending both is a 400):
 * a budget under {@value #HIGH_LEVEL_FROM} tokens, or effort {@code low}, becomes {@code low}; larger budgets and
 * efforts medium, high and max become {@code high}; adaptive thinking without an effort leaves the level to the
 * model (its default is high).
 */
final class ThinkingBudget {
    static final int DYNAMIC = -1;
    /** The smallest budget that asks a Gemini 3 model to think at its high level (effort medium's budget). */
    static final int HIGH_LEVEL_FROM = 8192;

    private ThinkingBudget() {
    }

    /** The thinkingConfig for a request, or null when none should be sent. */
    static ObjectNode config(JsonNode thinking, JsonNode outputConfig, int maxBudget, String model) {
        Integer budget = switch (thinking.path("type").asText("")) {
            case "enabled" -> thinking.path("budget_tokens").isNumber()
                    ? thinking.get("budget_tokens").asInt() : DYNAMIC;
            case "adaptive" -> forEffort(outputConfig.path("effort").asText(""), maxBudget);
            default -> null;
        };
        if (budget == null) {
            return null;
        }
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("includeThoughts", true);
        if (takesThinkingLevel(model)) {
            // the unclamped budget: a level says how hard to think, not how many tokens fit
            if (budget != DYNAMIC) {
                config.put("thinkingLevel", budget < HIGH_LEVEL_FROM ? "low" : "high");
            }
            return config;
        }
        if (maxBudget > 0 && budget > maxBudget) {
            budget = maxBudget;
        }
        config.put("thinkingBudget", budget);
        return config;
    }

    static boolean takesThinkingLevel(String model) {
        String id = model == null ? "" : model.startsWith("models/") ? model.substring("models/".length()) : model;
        return id.toLowerCase(java.util.Locale.ROOT).startsWith("gemini-3");
    }

    private static int forEffort(String effort, int maxBudget) {
        return switch (effort) {
            case "low" -> 2048;
            case "medium" -> 8192;
            case "high" -> 16384;
            case "max", "xhigh" -> maxBudget > 0 ? maxBudget : DYNAMIC;
            default -> DYNAMIC;
        };
    }
}
