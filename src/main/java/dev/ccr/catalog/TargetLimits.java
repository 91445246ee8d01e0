package dev.ccr.catalog;

import dev.ccr.model.MessagesRequest;
import dev.ccr.model.Target;
import dev.ccr.tokens.TokenCounter;

/**
 * The model catalog applied to one attempt of a request at a target:
 * <ul>
 * <li>{@link #check}: before the target is called, does the request fit its model's context window? The input
 * (counted as count_tokens counts it, once per request) plus room for the answer — the request's max_tokens, clamped
 * to the model's output limit and to at most {@link ModelCatalog#minOutputReserve()}, since a longer answer is cut to
 * what the window leaves rather than refused. A model whose window is unknown always fits, and so does any request
 * to the anthropic pass-through: Anthropic's own answer to a prompt too long is already the error Claude Code
 * expects.</li>
 * <li>{@link #fit}: the request as the model takes it ({@link ModelFit}).</li>
 * <li>{@link #contextScale}: the factor for the input tokens the client is told.</li>
 * </ul>
 * Counting is skipped when the body cannot hold that many tokens: every cl100k token covers at least one byte of it.
 */
public final class TargetLimits {
    /** The bean name the router's parts find it under. */
    public static final String BEAN = "targetLimits";

    private final ModelCatalog catalog;
    private final TokenCounter counter;

    public TargetLimits(ModelCatalog catalog, TokenCounter counter) {
        this.catalog = catalog;
        this.counter = counter;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** Null when the request fits the target's model, else why not. */
    public PromptTooLongException check(MessagesRequest request, Target target) {
        if (request == null || catalog.isPassThrough(target.provider())) {
            return null;
        }
        ModelInfo info = catalog.lookup(target.provider(), target.modelFor(request));
        if (info.contextWindow() == null) {
            return null;
        }
        long maximum = info.contextWindow() - outputReserve(request, info);
        if (!mayHoldMoreThan(request, maximum)) {
            return null;
        }
        int tokens = inputTokens(request);
        return tokens > maximum ? new PromptTooLongException(tokens, Math.max(maximum, 0)) : null;
    }

    /**
     * The request as the target's model takes it (see {@link ModelFit}); the same object when nothing changes, and
     * always for the anthropic pass-through, which forwards the client's request as it is.
     */
    public MessagesRequest fit(MessagesRequest request, Target target) {
        if (catalog.isPassThrough(target.provider())) {
            return request;
        }
        String model = target.modelFor(request);
        ModelInfo info = catalog.lookup(target.provider(), model);
        if (info.isEmpty()) {
            return request;
        }
        boolean near = info.contextWindow() != null
                && mayHoldMoreThan(request, (long) info.contextWindow() - request.maxTokens());
        return ModelFit.apply(request, target.provider(), model, info, near ? inputTokens(request) : -1);
    }

    /** The factor for the input tokens reported to the client for this target (1: as counted). */
    public double contextScale(MessagesRequest request, Target target) {
        return ModelCatalog.contextScale(catalog.lookup(target.provider(), target.modelFor(request)));
    }

    /** The request's input tokens, counted once per request whoever asks first (see MessagesRequest). */
    private int inputTokens(MessagesRequest request) {
        return request.inputTokens(counter::count);
    }

    private static boolean mayHoldMoreThan(MessagesRequest request, long tokens) {
        return request.bodyBytes() > tokens;
    }

    private long outputReserve(MessagesRequest request, ModelInfo info) {
        long reserve = Math.min(Math.max(request.maxTokens(), 1), catalog.minOutputReserve());
        return info.maxOutputTokens() == null ? reserve : Math.min(reserve, info.maxOutputTokens());
    }
}
