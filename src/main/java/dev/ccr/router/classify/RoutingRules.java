package dev.ccr.router.classify;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.tokens.TokenCounter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the classification rules from the {@code ccr.routing.*} properties; routes/common/classify.camel.yaml decides
 * their order and what each sends to. Every bad value is reported with its property name.
 */
public final class RoutingRules {
    public static final String LONG_CONTEXT_THRESHOLD = "ccr.routing.long-context-threshold";
    public static final String SEARCH_TOOL_NAME_MATCH = "ccr.routing.search-tool-name-match";
    public static final String THINKING_MIN_BUDGET = "ccr.routing.thinking.min-budget-tokens";
    public static final String THINKING_EFFORTS = "ccr.routing.thinking.efforts";
    public static final String BACKGROUND_MODEL_PATTERNS = "ccr.routing.background.model-patterns";
    public static final String BACKGROUND_TITLE_GENERATION = "ccr.routing.background.title-generation";
    public static final String SUBAGENT_ENABLED = "ccr.routing.subagent.enabled";

    public static final int DEFAULT_LONG_CONTEXT_THRESHOLD = 60_000;
    /**
     * Claude Code asks for budget_tokens 31999 on every request to an older or unknown model id (captures 05, 06, 08),
     * so only a budget above its own default — a user who raised MAX_THINKING_TOKENS — signals extra thinking.
     */
    public static final int DEFAULT_THINKING_MIN_BUDGET = 32_000;
    /**
     * Only "max": Claude Code sends "high" by itself for some models (gpt-4o in capture 09, claude-opus-4-8 in 31) and
     * "medium" for its default one, so neither says the user asked for more.
     */
    public static final String DEFAULT_THINKING_EFFORTS = "max";
    public static final String DEFAULT_BACKGROUND_MODEL_PATTERNS = "haiku";
    /** Effort levels the Messages API knows; anything else in the property is a typo. */
    static final Set<String> KNOWN_EFFORTS = Set.of("low", "medium", "high", "max");
    /** Written for a list property to make it empty (an empty value means "use the default"). */
    static final String NONE = "none";

    private RoutingRules() {
    }

    /**
     * The rules by the bean names routes/common/classify.camel.yaml refers to them with. The order of the checks is
     * the YAML's; a rule switched off by its property is still bound, as a rule that never matches, so the flow
     * keeps loading whatever the settings say.
     *
     * @param propertyNames    every configured property name, to find the {@code ccr.routing.model-map.*} entries
     * @param runtimeOverrides model map entries changed at run time, checked before the configured ones
     */
    public static Map<String, ClassificationRule> load(Settings settings, Iterable<String> propertyNames,
                                                       ProviderRegistry providers, TokenCounter tokens,
                                                       ModelOverrides runtimeOverrides) {
        PinnedTargets targets = new PinnedTargets(providers);
        Map<String, ClassificationRule> rules = new LinkedHashMap<>();
        rules.put("subagentTagRule", new SubagentTagRule(targets));
        rules.put("explicitModelRule", new ExplicitModelRule(targets));
        rules.put("runtimeModelMapRule", new RuntimeModelMapRule(runtimeOverrides));
        ModelMap modelMap = ModelMap.load(settings, propertyNames, targets);
        rules.put("modelMapRule", modelMap.isEmpty() ? ClassificationRule.never("model-map") : new ModelMapRule(modelMap));
        rules.put("imageRule", new ImageRule());
        rules.put("longContextRule", new LongContextRule(tokens,
                settings.positive(LONG_CONTEXT_THRESHOLD, DEFAULT_LONG_CONTEXT_THRESHOLD)));
        rules.put("webSearchRule", new WebSearchRule(settings.bool(SEARCH_TOOL_NAME_MATCH, false)));
        rules.put("subagentRule", settings.bool(SUBAGENT_ENABLED, true) ? new SubagentRule()
                : ClassificationRule.never("subagent"));
        rules.put("thinkingRule", new ThinkingRule(settings.positive(THINKING_MIN_BUDGET, DEFAULT_THINKING_MIN_BUDGET),
                efforts(settings)));
        rules.put("titleRequestRule", settings.bool(BACKGROUND_TITLE_GENERATION, true) ? new TitleGenerationRule()
                : ClassificationRule.never("title-generation"));
        List<String> patterns = list(settings, BACKGROUND_MODEL_PATTERNS, DEFAULT_BACKGROUND_MODEL_PATTERNS);
        rules.put("backgroundModelRule", patterns.isEmpty() ? ClassificationRule.never("background-model")
                : new BackgroundModelRule(patterns));
        return rules;
    }

    private static Set<String> efforts(Settings settings) {
        Set<String> efforts = new LinkedHashSet<>();
        for (String effort : list(settings, THINKING_EFFORTS, DEFAULT_THINKING_EFFORTS)) {
            String value = effort.toLowerCase(Locale.ROOT);
            if (!KNOWN_EFFORTS.contains(value)) {
                throw new ConfigException(settings.source(), THINKING_EFFORTS, "'" + effort
                        + "' is not an effort level; use some of low, medium, high, max (comma separated) or none");
            }
            efforts.add(value);
        }
        return efforts;
    }

    private static List<String> list(Settings settings, String key, String fallback) {
        String value = settings.string(key, fallback);
        if (NONE.equalsIgnoreCase(value.trim())) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
