package dev.ccr.model;

import java.util.regex.Pattern;

/**
 * What a model id and a provider name may hold, wherever one comes from outside the configuration (a request's
 * {@code model}, a subagent tag, the admin API). Names only ever travel as data, but a strict alphabet also keeps
 * them out of trouble downstream: no placeholder syntax ({@code {{…}}}), no query syntax ({@code ? & =}), no markup,
 * no control characters that could end an HTTP header line.
 */
public final class NameRules {
    public static final int MAX_MODEL_LENGTH = 200;
    public static final int MAX_PROVIDER_LENGTH = 64;
    /** Letters, digits and {@code . _ - : / @ +}: enough for every provider's ids (org/model, model:tag, model@date). */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/@+-]{1," + MAX_MODEL_LENGTH + "}");
    /** Provider names are ours (configuration keys): a letter or digit, then letters, digits, '-' and '_'. */
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0," + (MAX_PROVIDER_LENGTH - 1) + "}");

    public static final String MODEL_RULE = "a model id of 1 to " + MAX_MODEL_LENGTH
            + " letters, digits and . _ - : / @ +";
    /** Not a provider: {@code provider:pinned} is the route step that sends to the target a request pinned. */
    public static final String PINNED = "pinned";
    public static final String PROVIDER_RULE = "a provider name of 1 to " + MAX_PROVIDER_LENGTH
            + " letters, digits, - and _ (starting with a letter or digit, not '" + PINNED + "')";
    public static final String TARGET_RULE = "\"provider,model\" with " + PROVIDER_RULE + " and " + MODEL_RULE;

    private NameRules() {
    }

    public static boolean isModel(String model) {
        return model != null && MODEL.matcher(model).matches();
    }

    public static boolean isProvider(String provider) {
        return provider != null && PROVIDER.matcher(provider).matches() && !PINNED.equals(provider);
    }

    /** A target as written: "provider,model", split at the first comma, both parts valid. */
    public static boolean isTarget(String spec) {
        int comma = spec == null ? -1 : spec.indexOf(',');
        return comma > 0 && isProvider(spec.substring(0, comma)) && isModel(spec.substring(comma + 1));
    }

    /** What a request's model field may hold: a model id, or "provider,model" (Claude Code's --model). */
    public static boolean isModelField(String value) {
        return value != null && (value.indexOf(',') >= 0 ? isTarget(value) : isModel(value));
    }
}
