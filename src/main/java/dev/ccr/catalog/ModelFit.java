package dev.ccr.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.model.MessagesRequest;

/**
 * Fits a client's request to what the target model takes, before any protocol translation: no thinking for a model
 * without reasoning, max_tokens no higher than the model's output limit nor than what its window leaves after the
 * input, earlier images left out for a text-only model (an image in the newest user turn is refused with a 400), and
 * a clear 400 for tools sent to a model without tool calling. A request that needs nothing is returned as it is.
 */
public final class ModelFit {
    private static final int MIN_THINKING_BUDGET = 1024;

    private ModelFit() {
    }

    /**
     * @param inputTokens the request's counted input tokens, or -1 when not counted
     */
    public static MessagesRequest apply(MessagesRequest request, String provider, String model, ModelInfo info,
                                        int inputTokens) {
        ObjectNode body = null;
        if (Boolean.FALSE.equals(info.tools()) && request.tools().isArray() && !request.tools().isEmpty()) {
            throw new RouterException(ErrorType.INVALID_REQUEST, "Model '" + model + "' of provider '" + provider
                    + "' does not call tools; pick a model with tool calling for this request");
        }
        if (Boolean.FALSE.equals(info.images()) && Images.anyIn(request.messages())) {
            if (Images.inLastUserTurn(request.messages())) {
                throw new RouterException(ErrorType.INVALID_REQUEST, "Model '" + model + "' of provider '" + provider
                        + "' does not read images; send the image to a model that does (the image category)");
            }
            body = request.copyOfBody();
            Images.replaceWithNotes(body.withArray("messages"));
        }
        if (Boolean.FALSE.equals(info.reasoning())
                && (request.body().has("thinking") || request.body().path("output_config").has("effort"))) {
            body = body != null ? body : request.copyOfBody();
            body.remove("thinking");
            if (body.path("output_config") instanceof ObjectNode outputConfig) {
                outputConfig.remove("effort");
            }
        }
        long limit = outputLimit(info, inputTokens);
        if (limit > 0 && request.maxTokens() > limit) {
            body = body != null ? body : request.copyOfBody();
            body.put("max_tokens", limit);
            fitThinkingBudget(body, limit);
        }
        return body == null ? request : request.withBody(body);
    }

    /** The most output the model can give this request: its output limit, and what its window leaves. */
    private static long outputLimit(ModelInfo info, int inputTokens) {
        long limit = info.maxOutputTokens() == null ? Long.MAX_VALUE : info.maxOutputTokens();
        if (info.contextWindow() != null && inputTokens >= 0 && info.contextWindow() - inputTokens > 0) {
            limit = Math.min(limit, info.contextWindow() - inputTokens);
        }
        return limit == Long.MAX_VALUE ? 0 : limit;
    }

    /** Anthropic requires budget_tokens below max_tokens (and at least 1024). */
    private static void fitThinkingBudget(ObjectNode body, long maxTokens) {
        JsonNode thinking = body.path("thinking");
        if (thinking instanceof ObjectNode t && t.path("budget_tokens").asLong(0) >= maxTokens) {
            if (maxTokens - 1 < MIN_THINKING_BUDGET) {
                body.remove("thinking");
            } else {
                t.put("budget_tokens", maxTokens - 1);
            }
        }
    }
}
