package dev.ccr.router.classify;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;

/**
 * The request offers Anthropic's server-side web search tool ({@code type: web_search_20250305}, …), which the
 * provider must run itself. Matching tool names that contain "search" (the seeds' rule) is optional and off by
 * default: Claude Code sends its ToolSearch tool on every main request, and WebSearch once it has been loaded.
 */
public final class WebSearchRule implements ClassificationRule {
    private final boolean matchToolNames;

    public WebSearchRule(boolean matchToolNames) {
        this.matchToolNames = matchToolNames;
    }

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Optional<Decision> decide(RuleInput input) {
        for (JsonNode tool : input.request().tools()) {
            String type = tool.path("type").asText("");
            if (type.startsWith("web_search")) {
                return Optional.of(Decision.of(Categories.SEARCH, "server tool " + type));
            }
            String name = tool.path("name").asText("");
            if (matchToolNames && name.toLowerCase(Locale.ROOT).contains("search")) {
                return Optional.of(Decision.of(Categories.SEARCH, "tool '" + name + "' looks like search"));
            }
        }
        return Optional.empty();
    }
}
