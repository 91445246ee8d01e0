package dev.ccr.transform.gemini;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;

/**
 * The Gemini protocol's settings for one provider, read from {@link ProviderSettings#options()} and its limits. The
 * keys are documented on {@link GeminiTransformer}.
 *
 * @param apiVersion         first path segment of every call ({@code v1beta}, {@code v1alpha}, {@code v1})
 * @param maxOutputTokens    clamp for max_tokens (0 = none)
 * @param thinking           whether Claude Code's thinking settings become a {@code thinkingConfig}
 * @param maxThinkingBudget  the largest thinkingBudget sent (0 = no clamp)
 * @param webSearch          whether Anthropic's web_search server tool becomes the {@code googleSearch} tool
 * @param signatureFallback  thoughtSignature put on a model turn's first function call when history has none of
 *                           Gemini's own (e.g. the turn came from another provider); null sends none
 */
record GeminiOptions(String apiVersion, int maxOutputTokens, boolean thinking, int maxThinkingBudget,
                     boolean webSearch, String signatureFallback) {

    static final String API_VERSION = "api-version";
    static final String THINKING = "thinking";
    static final String MAX_THINKING_BUDGET = "max-thinking-budget";
    static final String WEB_SEARCH = "web-search";
    static final String SIGNATURE_FALLBACK = "signature-fallback";

    /** Google documents this value as accepted in place of a signature for calls the model did not make. */
    static final String SKIP_SIGNATURE_VALIDATOR = "skip_thought_signature_validator";
    static final int DEFAULT_MAX_THINKING_BUDGET = 24576;

    static GeminiOptions of(ProviderSettings provider) {
        String version = provider.option(API_VERSION, "v1beta").trim();
        version = version.replaceAll("^/+|/+$", "");
        String fallback = provider.optionOrEmpty(SIGNATURE_FALLBACK, SKIP_SIGNATURE_VALIDATOR).trim();
        return new GeminiOptions(
                version.isEmpty() ? "v1beta" : version,
                provider.limits() == null ? 0 : provider.limits().maxOutputTokens(),
                bool(provider, THINKING, true),
                integer(provider, MAX_THINKING_BUDGET, DEFAULT_MAX_THINKING_BUDGET),
                bool(provider, WEB_SEARCH, true),
                fallback.isEmpty() ? null : fallback);
    }

    /** Settings as they are when a provider configures nothing. */
    static GeminiOptions defaults() {
        return new GeminiOptions("v1beta", 0, true, DEFAULT_MAX_THINKING_BUDGET, true, SKIP_SIGNATURE_VALIDATOR);
    }

    private static boolean bool(ProviderSettings provider, String key, boolean fallback) {
        return Boolean.parseBoolean(provider.option(key, Boolean.toString(fallback)).trim());
    }

    private static int integer(ProviderSettings provider, String key, int fallback) {
        String value = provider.option(key, Integer.toString(fallback)).trim();
        try {
            return Math.max(0, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            // a configuration mistake the client gets told about: name the key and value, nothing secret
            throw new RouterException(ErrorType.API, ProviderConfigReader.PREFIX + provider.name() + ".option." + key
                    + " is '" + value + "': set a whole number in the router's configuration and restart it");
        }
    }
}
