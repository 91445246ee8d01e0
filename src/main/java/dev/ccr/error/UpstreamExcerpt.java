package dev.ccr.error;

/**
 * The part of a provider's own words (an error body, an error event's message) that may be passed on to a client, a
 * log line or the status pages: redacted first, then cut to {@value #MAX_CHARS} characters. Redacting before cutting
 * matters: a cut through an echoed key would leave a piece that no longer matches it.
 */
public final class UpstreamExcerpt {
    public static final int MAX_CHARS = 300;

    private UpstreamExcerpt() {
    }

    /** The redacted, whitespace-collapsed and shortened text; "" for null. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        String redacted = Redactor.redact(text).replaceAll("\\s+", " ").strip();
        if (redacted.length() <= MAX_CHARS) {
            return redacted;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(redacted.charAt(end - 1))) {
            end--;
        }
        return redacted.substring(0, end) + "…";
    }
}
