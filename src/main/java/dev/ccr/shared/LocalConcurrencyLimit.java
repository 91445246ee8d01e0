package dev.ccr.shared;

import java.util.concurrent.atomic.AtomicInteger;

/** A concurrency limit counted in this instance's memory: the single-instance default, and the fallback without Redis. */
public final class LocalConcurrencyLimit implements ConcurrencyLimit {
    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    public LocalConcurrencyLimit(int max) {
        this.max = max;
    }

    @Override
    public Slot tryTake() {
        if (taken.incrementAndGet() > max) {
            taken.decrementAndGet();
            return null;
        }
        return taken::decrementAndGet;
    }

    @Override
    public boolean shared() {
        return false;
    }

    /**
     * Counts a call the shared limit admitted, whatever the local count: should Redis go away while it runs, this
     * instance's own count then starts from the calls really in flight here.
     */
    Slot hold() {
        taken.incrementAndGet();
        return taken::decrementAndGet;
    }
}
