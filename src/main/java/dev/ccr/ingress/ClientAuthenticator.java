package dev.ccr.ingress;

import dev.ccr.error.ErrorType;
import dev.ccr.error.Redactor;
import dev.ccr.error.RouterException;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Checks the router key, when one is configured, sent as {@code x-api-key} or {@code Authorization: Bearer} (Claude
 * Code sends either, depending on ANTHROPIC_API_KEY or ANTHROPIC_AUTH_TOKEN). Compared in constant time.
 */
public final class ClientAuthenticator implements Processor {
    private final byte[] key;

    /** @param key the router key, or null/blank for none (the router then only listens on loopback) */
    public ClientAuthenticator(String key) {
        this.key = key == null || key.isBlank() ? null : key.trim().getBytes(StandardCharsets.UTF_8);
        Redactor.register(key);
    }

    public boolean enabled() {
        return key != null;
    }

    /** The key the client sent, as {@code x-api-key} or {@code Authorization: Bearer}, or null. */
    public static String presentedKey(Exchange exchange) {
        String presented = exchange.getIn().getHeader("x-api-key", String.class);
        if (presented == null) {
            String authorization = exchange.getIn().getHeader("Authorization", String.class);
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                presented = authorization.substring(7).trim();
            }
        }
        return presented;
    }

    @Override
    public void process(Exchange exchange) {
        if (key == null) {
            return;
        }
        String presented = presentedKey(exchange);
        if (presented == null || !MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new RouterException(ErrorType.AUTHENTICATION,
                    presented == null ? "Missing router key: send it as x-api-key or Authorization: Bearer (Claude Code: "
                            + "set ANTHROPIC_AUTH_TOKEN or ANTHROPIC_API_KEY to the router's ccr.api-key)"
                            : "Invalid router key: send the key the router is configured with (ccr.api-key or "
                            + "CCR_API_KEY)");
        }
    }
}
