package dev.ccr.transform.gemini;

/**
 * Gemini's {@code thoughtSignature}s as they travel through Claude Code. Anthropic has no field for them, so each one
 * rides in the signature of a thinking block placed right before the part it belongs to (a function call, a text);
 * on the next turn it goes back on the part that follows that thinking block.
 *
 * <p>The prefix tells Gemini's signatures from Anthropic's (a conversation may have started on another provider):
 * Gemini rejects a signature it did not issue, so a thinking block without the prefix is dropped on the way back.
 */
final class ThoughtSignatures {
    static final String PREFIX = "gemini:";

    private ThoughtSignatures() {
    }

    /** The thinking-block signature Claude Code gets for a Gemini signature. */
    static String toClient(String geminiSignature) {
        return PREFIX + geminiSignature;
    }

    /** The Gemini signature inside a thinking block's signature, or null when it is not one of Gemini's. */
    static String fromClient(String clientSignature) {
        if (clientSignature == null || !clientSignature.startsWith(PREFIX)
                || clientSignature.length() == PREFIX.length()) {
            return null;
        }
        return clientSignature.substring(PREFIX.length());
    }
}
