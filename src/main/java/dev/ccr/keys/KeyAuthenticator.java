package dev.ccr.keys;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;
import dev.ccr.ingress.ClientAuthenticator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The key check of the client endpoints ({@code /v1/messages}, count_tokens, models): a per-user key in force, or
 * else the router key as before. The admin endpoints keep {@code clientAuthenticator}, which takes the router key only.
 * A per-user key is recognised by its prefix, so a revoked one is refused even where no router key is set.
 */
public final class KeyAuthenticator implements Processor {
    /** The {@link VirtualKey} a request came with, for the quota check that follows. */
    static final String KEY_PROPERTY = "ccrVirtualKey";

    private final VirtualKeys keys;
    private final ClientAuthenticator routerKey;

    public KeyAuthenticator(VirtualKeys keys, ClientAuthenticator routerKey) {
        this.keys = keys;
        this.routerKey = routerKey;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String presented = ClientAuthenticator.presentedKey(exchange);
        if (presented != null && presented.startsWith(KeySecret.PREFIX)) {
            VirtualKey key = keys.find(presented).orElseThrow(() ->
                    new RouterException(ErrorType.AUTHENTICATION, "Invalid or revoked key"));
            exchange.setProperty(KEY_PROPERTY, key);
            return;
        }
        routerKey.process(exchange);
    }
}
