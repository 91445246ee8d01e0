package dev.ccr.transform.gemini;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Gemini's {@code usageMetadata} in Anthropic's terms. Anthropic counts cache reads apart from input tokens, while
 * Gemini's promptTokenCount includes the cached part; thoughts are output tokens in both, but Gemini counts them
 * apart from candidatesTokenCount. Tokens of tool-use prompts (grounding results) are input.
 */
record GeminiUsage(long inputTokens, long outputTokens, long cacheReadInputTokens) {

    static GeminiUsage of(JsonNode usageMetadata) {
        long cached = usageMetadata.path("cachedContentTokenCount").asLong(0);
        long prompt = usageMetadata.path("promptTokenCount").asLong(0)
                + usageMetadata.path("toolUsePromptTokenCount").asLong(0);
        long output = usageMetadata.path("candidatesTokenCount").asLong(0)
                + usageMetadata.path("thoughtsTokenCount").asLong(0);
        return new GeminiUsage(Math.max(0, prompt - cached), output, cached);
    }
}
