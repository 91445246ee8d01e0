package dev.ccr.request;

import dev.ccr.provider.FailureKind;

import java.util.List;

/**
 * The one stream of events about requests and their provider calls, owned by the request path and read by the
 * operations layer (statistics, metrics and the request log; the control panel's traffic counters), so the request
 * path never depends on its readers.
 */
public interface RequestListener {
    /** An attempt on {@link RequestRecord#provider()} started (the provider has one more call in flight). */
    default void attemptStarted(RequestRecord record) {
    }

    /** That attempt's answer head arrived {@code nanos} after it started: the client gets this answer. */
    default void attemptAnswered(RequestRecord record, long nanos) {
    }

    /** An attempt ended without an answer for the client; another may follow. */
    default void attemptFailed(RequestRecord record, String provider, FailureKind kind) {
    }

    /** The request ended after {@code nanos}. */
    void ended(RequestRecord record, long nanos);

    RequestListener NONE = (record, nanos) -> {
    };

    /** Every event to each of {@code readers}, in order. */
    static RequestListener all(RequestListener... readers) {
        List<RequestListener> all = List.of(readers);
        return new RequestListener() {
            @Override
            public void attemptStarted(RequestRecord record) {
                all.forEach(l -> l.attemptStarted(record));
            }

            @Override
            public void attemptAnswered(RequestRecord record, long nanos) {
                all.forEach(l -> l.attemptAnswered(record, nanos));
            }

            @Override
            public void attemptFailed(RequestRecord record, String provider, FailureKind kind) {
                all.forEach(l -> l.attemptFailed(record, provider, kind));
            }

            @Override
            public void ended(RequestRecord record, long nanos) {
                all.forEach(l -> l.ended(record, nanos));
            }
        };
    }
}
