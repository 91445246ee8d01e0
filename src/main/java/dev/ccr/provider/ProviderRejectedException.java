package dev.ccr.provider;

import dev.ccr.error.ErrorType;

/**
 * The provider refused the request itself (400, 401, 403, 404, 413…): another provider would refuse it too, or the
 * account is at fault. Not retried elsewhere, and not counted against the provider's health.
 */
public class ProviderRejectedException extends ProviderException {
    private final String unsupportedParameter;

    public ProviderRejectedException(String provider, ErrorType type, int status, String message) {
        this(provider, type, status, message, null);
    }

    /** @param unsupportedParameter the request field the provider named as unsupported, or null */
    public ProviderRejectedException(String provider, ErrorType type, int status, String message,
                                     String unsupportedParameter) {
        super(provider, FailureKind.CLIENT_ERROR, type, status, message, null, null);
        this.unsupportedParameter = unsupportedParameter;
    }

    /** The request field the provider refused as unsupported (a parameter or its value), or null. */
    public String unsupportedParameter() {
        return unsupportedParameter;
    }
}
