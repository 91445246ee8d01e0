package dev.ccr.transform.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI token usage in Anthropic's terms. OpenAI's {@code prompt_tokens} counts cached tokens too, while Anthropic's
 * {@code input_tokens} counts only the uncached ones (its total is input + cache_read + cache_creation), so
 * input_tokens = prompt_tokens − cached tokens and cache_read_input_tokens = cached tokens. Cached tokens come from
 * {@code prompt_tokens_details.cached_tokens} (OpenAI, OpenRouter) or {@code prompt_cache_hit_tokens} (DeepSeek).
 * Reasoning tokens are part of completion_tokens, as Anthropic counts thinking in output_tokens.
 */
record ChatUsage(long inputTokens, long outputTokens, long cacheReadInputTokens) {

    /** The usage in an OpenAI {@code usage} object, or null when there is none (absent or JSON null). */
    static ChatUsage of(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long prompt = usage.path("prompt_tokens").asLong(0);
        long cached = usage.path("prompt_tokens_details").path("cached_tokens")
                .asLong(usage.path("prompt_cache_hit_tokens").asLong(0));
        cached = Math.min(Math.max(cached, 0), prompt);
        return new ChatUsage(prompt - cached, usage.path("completion_tokens").asLong(0), cached);
    }
}
