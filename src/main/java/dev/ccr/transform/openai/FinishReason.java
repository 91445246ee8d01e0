package dev.ccr.transform.openai;

/** OpenAI's {@code finish_reason} in Anthropic's {@code stop_reason} terms. */
final class FinishReason {
    private FinishReason() {
    }

    /**
     * @param finishReason   OpenAI's reason, or null when the provider gave none
     * @param calledTools    whether the answer contained tool calls: some servers say "stop" even then, and Claude
     *                       Code only runs tools after a tool_use stop
     * @return the Anthropic stop reason, or null to let the sink decide from the content
     */
    static String toStopReason(String finishReason, boolean calledTools) {
        if (finishReason == null || finishReason.isBlank()) {
            return null;
        }
        return switch (finishReason) {
            case "length" -> "max_tokens";
            case "tool_calls", "function_call" -> "tool_use";
            case "content_filter" -> "refusal";
            // "stop" and anything unknown; OpenAI does not say whether a stop sequence or the model ended it
            default -> calledTools ? "tool_use" : "end_turn";
        };
    }
}
