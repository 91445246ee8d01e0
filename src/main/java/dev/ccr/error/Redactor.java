package dev.ccr.error;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Removes secrets from any text that leaves the router (error messages, log lines, statistics). Credentials register
 * the values they hold, whatever their length; well-known key shapes are masked even when nobody registered them.
 *
 * <p>A registered secret is found also when an upstream echoes it encoded: each of its characters may appear as
 * itself, percent-encoded (either case of hex digits, as a form's {@code +} for a space), or JSON-escaped
 * ({@code \u0073}, {@code \/}), in any mix — an echo may encode characters that need no encoding ({@code %2D}).
 *
 * <p>Secrets shorter than {@value #WHOLE_TOKEN_BELOW} characters are masked only as whole tokens (not touching a
 * letter, digit, {@code -} or {@code _}, nor joined to one by a dot): a short value also occurs inside ordinary words, and masking it there would
 * mangle provider names, models and messages. Real keys are longer and are masked wherever they occur.
 */
public final class Redactor {
    static final int WHOLE_TOKEN_BELOW = 16;
    private static final String MASK = "[redacted]";
    private static final String TOKEN_CHAR = "A-Za-z0-9_-";
    private static final Pattern KEY_SHAPES = Pattern.compile(
            "(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}|\\b(sk-|sk_|AIza|aoa|ghp_)[A-Za-z0-9._-]{8,}");

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** All registered secrets as one alternation, longest first (so a secret inside another never masks half). */
    private static volatile Pattern registered;

    private Redactor() {
    }

    /** Remembers a secret so that it is masked wherever it appears, in any of the encodings above. */
    public static void register(String secret) {
        if (secret == null || secret.isBlank() || !SECRETS.add(secret)) {
            return;
        }
        synchronized (SECRETS) {
            List<String> all = SECRETS.stream()
                    .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s))
                    .toList();
            registered = Pattern.compile(all.stream().map(Redactor::patternOf).collect(Collectors.joining("|")));
        }
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        Pattern secrets = registered;
        if (secrets != null) {
            out = secrets.matcher(out).replaceAll(MASK);
        }
        return KEY_SHAPES.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : MASK);
    }

    private static String patternOf(String secret) {
        StringBuilder pattern = new StringBuilder();
        secret.codePoints().forEach(c -> pattern.append(anyEncodingOf(c)));
        if (secret.length() < WHOLE_TOKEN_BELOW) {
            // a dot between word characters joins them (a host name, a version), one at a sentence's end does not
            return "(?<![" + TOKEN_CHAR + "]|[" + TOKEN_CHAR + "]\\.)" + pattern
                    + "(?![" + TOKEN_CHAR + "]|\\.[" + TOKEN_CHAR + "])";
        }
        return pattern.toString();
    }

    /** A character as itself, percent-encoded (its UTF-8 bytes, hex in either case) or JSON-escaped. */
    private static String anyEncodingOf(int codePoint) {
        StringBuilder alternatives = new StringBuilder("(?:").append(Pattern.quote(Character.toString(codePoint)));
        StringBuilder percent = new StringBuilder();
        for (byte b : Character.toString(codePoint).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            percent.append('%').append(hexAnyCase(b & 0xff, 2));
        }
        alternatives.append('|').append(percent);
        StringBuilder json = new StringBuilder();
        for (char unit : Character.toChars(codePoint)) {
            json.append("\\\\u").append(hexAnyCase(unit, 4));
        }
        alternatives.append('|').append(json);
        switch (codePoint) {
            case ' ' -> alternatives.append("|\\+");
            case '/' -> alternatives.append("|\\\\/");
            case '"' -> alternatives.append("|\\\\\"");
            case '\\' -> alternatives.append("|\\\\\\\\");
            default -> {
            }
        }
        return alternatives.append(')').toString();
    }

    private static String hexAnyCase(int value, int digits) {
        String hex = String.format("%0" + digits + "x", value);
        StringBuilder out = new StringBuilder();
        for (char h : hex.toCharArray()) {
            out.append(Character.isLetter(h) ? "[" + h + Character.toUpperCase(h) + "]" : String.valueOf(h));
        }
        return out.toString();
    }
}
