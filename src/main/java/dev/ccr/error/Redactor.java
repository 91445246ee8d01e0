package dev.ccr.error;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text that leaves the router (error messages, log lines, statistics). Credentials register
 * the values they hold; well-known key shapes are masked even when nobody registered them.
 */
public final class Redactor {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}|\\b(sk-|sk_|AIza|aoa|ghp_)[A-Za-z0-9._-]{8,}");
    private static final String MASK = "[redacted]";

    private Redactor() {
    }

    /**
     * Remembers a secret so that it is masked wherever it appears. Values shorter than 12 characters are ignored: real
     * keys and tokens are far longer, and masking a short value would mangle ordinary text that happens to contain it
     * (a provider name, a model).
     */
    public static void register(String secret) {
        if (secret != null && secret.length() >= 12) {
            SECRETS.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return KEY_SHAPES.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : MASK);
    }
}
