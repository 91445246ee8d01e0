package dev.ccr.stats;

import dev.ccr.request.RequestRecord;

/**
 * The time a request spent in the router itself rather than waiting for a provider, up to the client's first byte:
 * <pre>
 *   overhead = firstAttempt                    (read, validate, classify, queue for a thread, choose a target)
 *            + (firstByte - upstreamHead)      (transform the answer's head, write the first piece to the client)
 * </pre>
 * (times from the request's arrival). The provider's part, upstreamHead - firstAttempt, includes failed attempts
 * and failover, so a slow or failing provider never shows as router overhead. The same definition holds for
 * streamed and whole answers: a whole answer is relayed piece by piece too, so its first byte is measured the same
 * way. What this cannot separate: a provider that sends its head long before its first body piece adds that gap
 * to the second term (the router sees no timestamp for the provider's first body piece).
 */
public final class RouterOverhead {
    private RouterOverhead() {
    }

    /** The overhead in nanoseconds, or -1 when the request never reached a provider's answer and a client byte. */
    public static long nanos(RequestRecord record) {
        long attempt = record.firstAttemptNanos();
        long head = record.upstreamHeadNanos();
        long firstByte = record.firstByteNanos();
        if (attempt <= 0 || head < attempt || firstByte < head) {
            return -1;
        }
        return attempt + (firstByte - head);
    }
}
