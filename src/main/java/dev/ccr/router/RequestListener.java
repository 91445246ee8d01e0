package dev.ccr.router;

/** Told about every request: statistics, metrics and the request log listen here. */
public interface RequestListener {
    /** An attempt on {@link RequestRecord#provider()} started (the provider has one more call in flight). */
    default void attemptStarted(RequestRecord record) {
    }

    /** An attempt ended without an answer for the client; another may follow. */
    default void attemptFailed(RequestRecord record, String provider, dev.ccr.provider.FailureKind kind) {
    }

    /** The request ended after {@code nanos}. */
    void ended(RequestRecord record, long nanos);

    RequestListener NONE = (record, nanos) -> {
    };
}
