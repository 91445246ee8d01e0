package dev.ccr.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the catalog entry for a model id written any of the ways providers write it: {@code gpt-4.1-2025-04-14},
 * {@code openai/gpt-4.1} (OpenRouter, Groq) and {@code claude-sonnet-4.5} (Kiro) all find their entry. Tried in
 * order: the exact normalised id, the id without its {@code vendor/} prefix, then the longest key that starts the id
 * at a {@code -}, {@code :} or {@code @} (so {@code llama3.1:8b} finds {@code llama3-1}, and {@code gpt-4o-mini}
 * finds its own entry before {@code gpt-4o}).
 */
public final class ModelKeys {
    /** A release date at the end of a model id: -20250929 (Anthropic) or @20250929 (Vertex). */
    private static final Pattern DATE_SUFFIX = Pattern.compile("[-@]\\d{8}$");

    private ModelKeys() {
    }

    /** Lower case, '.' as '-', no release date: the spellings of one model become one key. */
    public static String normalise(String model) {
        String name = model.trim().toLowerCase(Locale.ROOT);
        return DATE_SUFFIX.matcher(name).replaceFirst("").replace('.', '-');
    }

    static <T> T find(Map<String, T> byNormalisedKey, String model) {
        String id = normalise(model);
        T exact = byNormalisedKey.get(id);
        if (exact != null) {
            return exact;
        }
        int slash = id.lastIndexOf('/');
        if (slash >= 0) {
            id = id.substring(slash + 1);
            exact = byNormalisedKey.get(id);
            if (exact != null) {
                return exact;
            }
        }
        String best = null;
        for (String key : byNormalisedKey.keySet()) {
            if (id.length() > key.length() && id.startsWith(key) && "-:@".indexOf(id.charAt(key.length())) >= 0
                    && (best == null || key.length() > best.length())) {
                best = key;
            }
        }
        return best == null ? null : byNormalisedKey.get(best);
    }
}
