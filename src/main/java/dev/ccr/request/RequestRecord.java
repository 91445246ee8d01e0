package dev.ccr.request;

import dev.ccr.provider.FailureKind;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows one client request from arrival to its last byte, and reports it once when it ends. Written by the layer
 * that knows each fact (classifier, balancer, response relay); thread safe for those few writes.
 */
public final class RequestRecord {
    private final long startNanos = System.nanoTime();
    private final RequestListener listener;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile String category = "none";
    private volatile String reason = "";
    private volatile String provider;
    private volatile String model;
    private volatile String session;
    private volatile int attempts;
    private volatile long firstByteNanos;
    private volatile long upstreamHeadNanos;
    private volatile long firstAttemptNanos;
    private volatile long attemptStartNanos;
    private volatile long inputTokens;
    private volatile double reportedInputScale = 1;
    private volatile long outputTokens;
    private volatile long cacheTokens;
    private volatile int status;
    private volatile FailureKind failure;
    private final java.util.List<Runnable> onEnd = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RequestRecord(RequestListener listener) {
        this.listener = listener;
    }

    /** Claude Code's session id of the request, when it sent one. */
    public void session(String id) {
        this.session = id;
    }

    public String session() {
        return session;
    }

    public void classified(String category, String reason) {
        this.category = category;
        this.reason = reason;
    }

    /** An attempt on a provider begins; a failover makes several. */
    public void attempt(String provider, String model) {
        this.provider = provider;
        this.model = model;
        this.attempts++;
        attemptStartNanos = System.nanoTime();
        if (firstAttemptNanos == 0) {
            firstAttemptNanos = Math.max(1, System.nanoTime() - startNanos);
        }
        listener.attemptStarted(this);
    }

    /** An attempt failed before the client saw a byte; the balancer may try another target. */
    public void attemptFailed(String provider, FailureKind kind) {
        listener.attemptFailed(this, provider, kind);
    }

    /** Something to do when the request ends, e.g. give back the provider slot a stream holds. */
    public void onEnd(Runnable action) {
        onEnd.add(action);
        if (ended.get() && onEnd.remove(action)) {
            action.run();
        }
    }

    /** The provider's answer head arrived: the time the router waited on the provider so far. */
    public void upstreamHead() {
        long now = System.nanoTime();
        upstreamHeadNanos = now - startNanos;
        listener.attemptAnswered(this, now - attemptStartNanos);
    }

    public void firstByte() {
        if (firstByteNanos == 0) {
            firstByteNanos = System.nanoTime() - startNanos;
        }
    }

    /**
     * The client is told input tokens multiplied by this factor (context scaling); usage read from what the client
     * receives is divided by it, so the record keeps the real count.
     */
    public void reportedInputScale(double factor) {
        this.reportedInputScale = factor;
    }

    public void usage(long input, long output) {
        if (input > 0) {
            inputTokens = Math.round(input / reportedInputScale);
        }
        if (output > 0) {
            outputTokens = output;
        }
    }

    /** Tokens read from or written to the provider's prompt cache (already part of the input tokens). */
    public void cacheUsage(long cache) {
        if (cache > 0) {
            cacheTokens = cache;
        }
    }

    public long cacheTokens() {
        return cacheTokens;
    }

    /** The request ended: status sent to the client, and the failure if it failed. Reported once. */
    public void end(int status, FailureKind failure) {
        if (ended.compareAndSet(false, true)) {
            this.status = status;
            this.failure = failure;
            for (Runnable action : onEnd) {
                if (onEnd.remove(action)) {
                    action.run();
                }
            }
            listener.ended(this, System.nanoTime() - startNanos);
        }
    }

    public boolean hasEnded() {
        return ended.get();
    }

    public String category() {
        return category;
    }

    public String reason() {
        return reason;
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }

    public int attempts() {
        return attempts;
    }

    public long firstByteNanos() {
        return firstByteNanos;
    }

    public long upstreamHeadNanos() {
        return upstreamHeadNanos;
    }

    /** When the first provider attempt began (0 before any): the router's own time before it called a provider. */
    public long firstAttemptNanos() {
        return firstAttemptNanos;
    }

    public long inputTokens() {
        return inputTokens;
    }

    public long outputTokens() {
        return outputTokens;
    }

    public int status() {
        return status;
    }

    public FailureKind failure() {
        return failure;
    }
}
