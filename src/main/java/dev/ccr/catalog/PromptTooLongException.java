package dev.ccr.catalog;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

/**
 * A request that does not fit the target model's context window. Told to the client in Anthropic's own words — a
 * 400 invalid_request_error "prompt is too long: N tokens > M maximum" — which Claude Code answers by offering to
 * compact, where a provider's own error would end the session.
 */
public final class PromptTooLongException extends RouterException {
    private final long tokens;
    private final long maximum;

    public PromptTooLongException(long tokens, long maximum) {
        super(ErrorType.INVALID_REQUEST, 400, "prompt is too long: " + tokens + " tokens > " + maximum + " maximum",
                null, null);
        this.tokens = tokens;
        this.maximum = maximum;
    }

    public long tokens() {
        return tokens;
    }

    public long maximum() {
        return maximum;
    }
}
