package dev.ccr.router.classify;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling for the many ways a model is named: {@code Claude-Sonnet-4.5}, {@code claude-sonnet-4-5} and
 * {@code claude-sonnet-4-5-20250929} all become {@code claude-sonnet-4-5}. Clients and users write version dots
 * or dashes and add or drop the release date, and a map entry should not depend on which.
 */
public final class ModelNames {
    /** A release date at the end of a model id: -20250929 (Anthropic) or @20250929 (Vertex). */
    private static final Pattern DATE_SUFFIX = Pattern.compile("[-@]\\d{8}$");

    private ModelNames() {
    }

    public static String normalise(String model) {
        String name = model.trim().toLowerCase(Locale.ROOT);
        return DATE_SUFFIX.matcher(name).replaceFirst("").replace('.', '-');
    }
}
