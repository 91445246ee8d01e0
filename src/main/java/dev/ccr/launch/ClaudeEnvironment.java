package dev.ccr.launch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that sends Claude Code through the router: its URL, and the router key as
 * {@code ANTHROPIC_AUTH_TOKEN}. {@code ANTHROPIC_API_KEY} is removed: Claude Code would send it as {@code x-api-key}
 * in place of the router key, and in the router's own terminal it is the upstream Anthropic key, which Claude Code
 * has no need to see.
 */
final class ClaudeEnvironment {
    private ClaudeEnvironment() {
    }

    /** Variable → value; a null value means "unset". */
    static Map<String, String> of(RouterAddress address) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("ANTHROPIC_BASE_URL", address.baseUrl().toString());
        environment.put("ANTHROPIC_AUTH_TOKEN", address.clientToken());
        environment.put("ANTHROPIC_API_KEY", null);
        return environment;
    }

    static void applyTo(Map<String, String> processEnvironment, RouterAddress address) {
        of(address).forEach((name, value) -> {
            if (value == null) {
                processEnvironment.remove(name);
            } else {
                processEnvironment.put(name, value);
            }
        });
    }
}
