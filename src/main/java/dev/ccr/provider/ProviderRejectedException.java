package dev.ccr.provider;

import dev.ccr.error.ErrorType;

/**
 * The provider refused the request itself (400, 401, 403, 404, 413…): another provider would refuse it too, or the
 * account is at fault. Not retried elsewhere, and not counted against the provider's health.
 */
public class ProviderRejectedException extends ProviderException {
    public ProviderRejectedException(String provider, ErrorType type, int status, String message) {
        super(provider, FailureKind.CLIENT_ERROR, type, status, message, null, null);
    }
}
