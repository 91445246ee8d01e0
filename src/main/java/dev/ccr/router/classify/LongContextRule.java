package dev.ccr.router.classify;

import dev.ccr.model.MessagesRequest;
import dev.ccr.tokens.TokenCounter;

import java.util.Optional;

/**
 * More input tokens than the threshold (strictly): a provider with a large context window is needed.
 * <p>
 * Counting is the classifier's only expensive step, so it is skipped when the body cannot hold that many tokens:
 * every cl100k token covers at least one UTF-8 byte, and the counted text is a part of the body that JSON quoting
 * and escaping only make longer, so a body of at most {@code threshold} bytes has at most {@code threshold} tokens.
 */
public final class LongContextRule implements ClassificationRule {
    private final TokenCounter tokens;
    private final int threshold;

    public LongContextRule(TokenCounter tokens, int threshold) {
        this.tokens = tokens;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "long-context";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        MessagesRequest request = input.request();
        if (request.bodyBytes() <= threshold) {
            return Optional.empty();
        }
        int count = request.inputTokens(tokens::count);
        return count > threshold
                ? Optional.of(Decision.of(Categories.LONG_CONTEXT, count + " input tokens > " + threshold))
                : Optional.empty();
    }
}
