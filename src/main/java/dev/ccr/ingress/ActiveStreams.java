package dev.ccr.ingress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts responses still being relayed to clients. Camel's own in-flight count ends when a route finishes, which for
 * a stream is long before its last event; shutdown and statistics need this one.
 */
public final class ActiveStreams {
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean draining;

    void opened() {
        active.incrementAndGet();
    }

    void closed() {
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
