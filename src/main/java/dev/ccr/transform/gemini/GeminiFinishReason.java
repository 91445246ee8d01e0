package dev.ccr.transform.gemini;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.util.Set;

/** Gemini's {@code finishReason} as Anthropic's stop_reason. */
final class GeminiFinishReason {
    /** The model's output was withheld by a filter: Anthropic's closest word is a refusal. */
    private static final Set<String> REFUSALS = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");
    /** The model tried to call a function and failed: there is no usable answer, so the client should retry. */
    private static final Set<String> BROKEN_CALLS = Set.of("MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL",
            "TOO_MANY_TOOL_CALLS", "MISSING_THOUGHT_SIGNATURE");

    private GeminiFinishReason() {
    }

    /**
     * @param finishReason the last finishReason the answer gave
     * @param calledTools  whether the answer contained a function call: Gemini says STOP for those too
     */
    static String stopReason(String finishReason, boolean calledTools) {
        if (BROKEN_CALLS.contains(finishReason)) {
            throw new RouterException(ErrorType.API, 502, "The model's function call could not be used ("
                    + finishReason + ")", null, null);
        }
        if (REFUSALS.contains(finishReason)) {
            return "refusal";
        }
        if ("MAX_TOKENS".equals(finishReason)) {
            return "max_tokens";
        }
        // STOP, and OTHER / LANGUAGE / unknown reasons: the model ended; a stop sequence is reported as STOP too
        return calledTools ? "tool_use" : "end_turn";
    }
}
