package dev.ccr.ingress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts requests under way, from the moment one is accepted until its last byte is sent (or it failed). Camel's own
 * in-flight count ends when a route finishes, which for a stream is long before its last event; shutdown needs this.
 */
public final class ActiveRequests {
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean draining;

    void accepted() {
        active.incrementAndGet();
    }

    void ended() {
        synchronized (this) {
            active.decrementAndGet();
            notifyAll();
        }
    }

    public int active() {
        return active.get();
    }

    /** True once shutdown began: new requests are refused so the ones under way can finish. */
    public boolean draining() {
        return draining;
    }

    /** Stops new work and waits until every response ended or the grace period passed; returns those still open. */
    public int drain(Duration grace) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (this) {
            while (active.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return active.get();
    }
}
