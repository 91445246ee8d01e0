package dev.ccr.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure the client is told about in Anthropic's error envelope. The message is written to the client as it is,
 * so it must never carry a secret or a stack trace.
 */
public class RouterException extends RuntimeException {
    private final ErrorType type;
    private final int status;
    private final Duration retryAfter;

    public RouterException(ErrorType type, String message) {
        this(type, type.status(), message, null, null);
    }

    public RouterException(ErrorType type, int status, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, false);
        this.type = type;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public ErrorType type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** Whether the client should try the same request again ({@code x-should-retry}), as Anthropic tells its SDKs. */
    public boolean clientMayRetry() {
        return status >= 500 || status == 429;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
