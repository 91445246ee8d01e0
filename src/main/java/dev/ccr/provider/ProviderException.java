package dev.ccr.provider;

import dev.ccr.error.ErrorType;
import dev.ccr.error.RouterException;

import java.time.Duration;

/** A provider failed an attempt. Subclasses say whether another provider may be tried. */
public abstract class ProviderException extends RouterException {
    private final String provider;
    private final FailureKind kind;

    protected ProviderException(String provider, FailureKind kind, ErrorType type, int status, String message,
                                Duration retryAfter, Throwable cause) {
        super(type, status, message, retryAfter, cause);
        this.provider = provider;
        this.kind = kind;
    }

    public String provider() {
        return provider;
    }

    public FailureKind kind() {
        return kind;
    }
}
