package dev.ccr.router.classify;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.tokens.TokenCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the classifier's rule chain from the {@code ccr.routing.*} properties, in the documented order (see
 * {@link dev.ccr.router.RequestClassifier}). Every bad value is reported with its property name.
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
     * @param propertyNames    every configured property name, to find the {@code ccr.routing.model-map.*} entries
     * @param runtimeOverrides model map entries changed at run time, checked before the configured ones
     */
    public static RuleChain load(Settings settings, Iterable<String> propertyNames, ProviderRegistry providers,
                                 TokenCounter tokens, ModelOverrides runtimeOverrides) {
        PinnedTargets targets = new PinnedTargets(providers);
        List<ClassificationRule> rules = new ArrayList<>();
        rules.add(new SubagentTagRule(targets));
        rules.add(new ExplicitModelRule(targets));
        rules.add(new RuntimeModelMapRule(runtimeOverrides));
        ModelMap modelMap = ModelMap.load(settings, propertyNames, targets);
        if (!modelMap.isEmpty()) {
            rules.add(new ModelMapRule(modelMap));
        }
        rules.add(new ImageRule());
        rules.add(new LongContextRule(tokens,
                settings.positive(LONG_CONTEXT_THRESHOLD, DEFAULT_LONG_CONTEXT_THRESHOLD)));
        rules.add(new WebSearchRule(settings.bool(SEARCH_TOOL_NAME_MATCH, false)));
        if (settings.bool(SUBAGENT_ENABLED, true)) {
            rules.add(new SubagentRule());
        }
        rules.add(new ThinkingRule(settings.positive(THINKING_MIN_BUDGET, DEFAULT_THINKING_MIN_BUDGET),
                efforts(settings)));
        // title first: both choose background, and "title request" is the more telling reason for the log
        if (settings.bool(BACKGROUND_TITLE_GENERATION, true)) {
            rules.add(new TitleGenerationRule());
        }
        List<String> patterns = list(settings, BACKGROUND_MODEL_PATTERNS, DEFAULT_BACKGROUND_MODEL_PATTERNS);
        if (!patterns.isEmpty()) {
            rules.add(new BackgroundModelRule(patterns));
        }
        return new RuleChain(rules);
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
