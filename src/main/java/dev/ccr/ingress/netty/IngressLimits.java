package dev.ccr.ingress.netty;

import dev.ccr.config.Settings;

import java.time.Duration;

/**
 * The limits every connection on the router's port gets, whichever route bound the port first.
 *
 * @param maxBodyBytes       largest request body read; larger ones get 413 {@code request_too_large}
 * @param requestReadTimeout time from a request's first byte to its last (headers and body)
 * @param idleTimeout        how long a connection may sit between requests before it is closed
 * @param maxConnections     open client connections at most; one more is answered 503 {@code overloaded_error}
 */
public record IngressLimits(int maxBodyBytes, Duration requestReadTimeout, Duration idleTimeout, int maxConnections) {

    public static IngressLimits from(Settings settings) {
        return new IngressLimits(settings.positive("ccr.max-body-bytes", 32 * 1024 * 1024),
                settings.positiveDuration("ccr.ingress.request-read-timeout", Duration.ofSeconds(30)),
                settings.positiveDuration("ccr.ingress.idle-timeout", Duration.ofMinutes(5)),
                settings.positive("ccr.ingress.max-connections", 2048));
    }
}
