package dev.ccr.ingress;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * Headers every answer of the router carries, so that a browser showing one (the control panel, or any JSON or
 * stream opened in a tab) runs nothing but the panel's own files, cannot be framed (clickjacking), does not guess
 * content types, and does not leak the router's URL to other sites. Set on every response rather than per route so
 * that a new endpoint cannot be left without them. The panel keeps its scripts and styles in files: no inline code.
 */
final class BrowserSafetyHeaders {
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private BrowserSafetyHeaders() {
    }

    /** Sets them, replacing any value the same headers had (an upstream's, for instance). */
    static void applyTo(HttpHeaders headers) {
        headers.set(HttpHeaderNames.CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
    }
}
