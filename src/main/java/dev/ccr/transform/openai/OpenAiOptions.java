package dev.ccr.transform.openai;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.provider.ProviderConfigReader;
import dev.ccr.provider.ProviderSettings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OpenAI protocol's settings for one provider, read from {@link ProviderSettings#options()} and limits. The keys
 * are documented on {@link OpenAiTransformer}; provider variants (DeepSeek, OpenRouter, a local server…) differ only
 * here, never in code.
 *
 * @param chatPath             path of the chat completions endpoint below the base URL
 * @param maxTokensField       the request field that carries the output token limit
 * @param maxOutputTokens      clamp for that limit (0 = none)
 * @param reasoningStyle       how Anthropic thinking settings are expressed
 * @param historyReasoningField the assistant message field that carries earlier thinking back, or null to drop it
 * @param stripSchemaFields    JSON schema keywords removed from tool parameters, at every depth
 * @param webSearch            whether Anthropic's web_search server tool becomes web_search_options
 * @param streamUsage          whether streamed requests ask for usage (stream_options.include_usage)
 * @param dropRequestFields    top-level fields removed from the mapped request (e.g. temperature for o-series)
 */
record OpenAiOptions(String chatPath, String maxTokensField, int maxOutputTokens, ReasoningStyle reasoningStyle,
                     String historyReasoningField, Set<String> stripSchemaFields, boolean webSearch,
                     boolean streamUsage, Set<String> dropRequestFields) {

    static final String CHAT_PATH = "chat-path";
    static final String MAX_TOKENS_FIELD = "max-tokens-field";
    static final String REASONING_STYLE = "reasoning-style";
    static final String HISTORY_REASONING_FIELD = "history-reasoning-field";
    static final String STRIP_SCHEMA_FIELDS = "strip-schema-fields";
    static final String WEB_SEARCH = "web-search";
    static final String STREAM_USAGE = "stream-usage";
    static final String DROP_REQUEST_FIELDS = "drop-request-fields";

    static OpenAiOptions of(ProviderSettings provider) {
        String path = provider.option(CHAT_PATH, "/v1/chat/completions").trim();
        return new OpenAiOptions(
                path.startsWith("/") ? path : "/" + path,
                provider.option(MAX_TOKENS_FIELD, "max_tokens").trim(),
                provider.limits() == null ? 0 : provider.limits().maxOutputTokens(),
                reasoningStyle(provider, provider.option(REASONING_STYLE, "none")),
                blankToNull(provider.option(HISTORY_REASONING_FIELD, "")),
                commaList(provider.option(STRIP_SCHEMA_FIELDS, "")),
                Boolean.parseBoolean(provider.option(WEB_SEARCH, "false").trim()),
                Boolean.parseBoolean(provider.option(STREAM_USAGE, "true").trim()),
                commaList(provider.option(DROP_REQUEST_FIELDS, "")));
    }

    private static ReasoningStyle reasoningStyle(ProviderSettings provider, String value) {
        try {
            return ReasoningStyle.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // a configuration mistake, but the client is the one who gets told: name what is wrong, nothing secret
            throw new RouterException(ErrorType.API, ProviderConfigReader.PREFIX + provider.name() + ".option."
                    + REASONING_STYLE + " is '" + value + "': set one of none, openai, openrouter, deepseek in the "
                    + "router's configuration and restart it");
        }
    }

    private static Set<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
