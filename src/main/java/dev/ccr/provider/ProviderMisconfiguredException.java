package dev.ccr.provider;

import dev.ccr.error.ErrorType;

/**
 * The provider's answer shows that the router's configuration of it is wrong (e.g. a 404 for a URL that does not
 * exist on it): the client gets a 502 with {@code x-should-retry: false}, since no retry of the same request can help
 * and the message, not a retry loop, is what the user needs.
 */
public final class ProviderMisconfiguredException extends ProviderRejectedException {
    public ProviderMisconfiguredException(String provider, String message) {
        super(provider, ErrorType.API, 502, message);
    }

    @Override
    public boolean clientMayRetry() {
        return false;
    }
}
