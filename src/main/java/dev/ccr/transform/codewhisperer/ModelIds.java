package dev.ccr.transform.codewhisperer;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CodeWhisperer's model ids from the ones Claude Code sends. Anthropic writes {@code claude-sonnet-4-5-20250929};
 * Kiro wants {@code claude-sonnet-4.5}. Old-style ids ({@code CLAUDE_SONNET_4_20250514_V1_0}) and ids already in
 * Kiro's style pass unchanged; the option {@code model-map} ("from=to,from=to") overrides anything.
 */
final class ModelIds {
    /** Claude 3.x ids are only known to Kiro in the old style. */
    private static final Map<String, String> CLAUDE_3 = Map.of(
            "claude-3-7-sonnet", "CLAUDE_3_7_SONNET_20250219_V1_0",
            "claude-3-5-haiku", "CLAUDE_3_5_HAIKU_20241022_V1_0");
    private static final Pattern DATE_OR_LATEST = Pattern.compile("-(\\d{8}|latest)$");
    /** claude-FAMILY-MAJOR[-MINOR], e.g. claude-opus-4-1 or claude-sonnet-4. */
    private static final Pattern CURRENT = Pattern.compile("claude-([a-z]+)-(\\d+)(?:-(\\d{1,2}))?");

    private final Map<String, String> overrides;

    /**
     * @param modelMapOption the {@code model-map} option, or null
     * @param optionKey      its full property name, for the error message
     */
    ModelIds(String modelMapOption, String optionKey) {
        this.overrides = parse(modelMapOption, optionKey);
    }

    String toCodeWhisperer(String model) {
        String override = overrides.get(model);
        if (override != null) {
            return override;
        }
        if (model.startsWith("CLAUDE_") || model.indexOf('.') >= 0) {
            return model; // old style, or already Kiro's style (claude-sonnet-4.5)
        }
        String base = DATE_OR_LATEST.matcher(model.toLowerCase(Locale.ROOT)).replaceFirst("");
        if (CLAUDE_3.containsKey(base)) {
            return CLAUDE_3.get(base);
        }
        Matcher m = CURRENT.matcher(base);
        if (m.matches()) {
            return "claude-" + m.group(1) + "-" + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
        }
        return model; // "auto" or a model this table does not know: Kiro decides
    }

    private static Map<String, String> parse(String option, String optionKey) {
        Map<String, String> map = new LinkedHashMap<>();
        if (option == null || option.isBlank()) {
            return map;
        }
        for (String pair : option.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new RouterException(ErrorType.API, optionKey + ": entry '" + pair.strip()
                        + "' is not from=to: fix it in the router's configuration and restart it");
            }
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return map;
    }
}
