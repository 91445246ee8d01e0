package dev.ccr.stats;

import dev.ccr.request.RequestRecord;

/**
 * What statistics, metrics and the request log are told, once the raw {@link RequestListener} callbacks have been
 * put in order by {@link AttemptTracker}: every attempt that starts also ends exactly once, before its request ends.
 */
public interface RequestObserver {
    /** A call to a provider began. */
    default void attemptStarted(RequestRecord record, Attempt attempt) {
    }

    /** That call ended: {@link Outcome#SUCCESS} when it gave the client its answer, else an error kind. */
    default void attemptEnded(RequestRecord record, Attempt attempt, String outcome) {
    }

    /** The request ended after {@code nanos}; {@code outcome} as for attempts, {@code attempt} null if none was made. */
    void requestEnded(RequestRecord record, Attempt attempt, String outcome, long nanos);
}
