package dev.ccr.provider;

import dev.ccr.error.ErrorType;

/**
 * The provider refused the request itself (400, 401, 403, 404, 413…): another provider would refuse it too, or the
 * account is at fault. Not retried elsewhere, and not counted against the provider's health.
 */
public class ProviderRejectedException extends ProviderException {
    private final ParameterRefusal refusal;

    public ProviderRejectedException(String provider, ErrorType type, int status, String message) {
        this(provider, type, status, message, null);
    }

    /** @param refusal the request field the provider named as unsupported or too large, or null */
    public ProviderRejectedException(String provider, ErrorType type, int status, String message,
                                     ParameterRefusal refusal) {
        super(provider, FailureKind.CLIENT_ERROR, type, status, message, null, null);
        this.refusal = refusal;
    }

    /** The request field the provider refused (unsupported, or above what it takes), or null. */
    public ParameterRefusal refusal() {
        return refusal;
    }
}
