package dev.ccr.router;

import dev.ccr.error.Redactor;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderException;
import dev.ccr.provider.ProviderSettings;
import dev.ccr.shared.Allowance;
import dev.ccr.shared.ConcurrencyLimit;
import dev.ccr.shared.LocalConcurrencyLimit;
import dev.ccr.shared.Slot;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * What the router knows about one provider at run time: calls in flight, whether it is enabled, its breaker, a
 * rate-limit pause the provider asked for, its token budget, its time to first byte and its last error. Load
 * balancers, the limits, /health/providers, statistics and the control panel all read the same object.
 */
public final class ProviderStatus {
    /** Weight of the newest sample in the moving average of time to first byte. */
    private static final double EWMA_ALPHA = 0.3;

    private final ProviderClient client;
    private final CircuitBreaker breaker;
    private final TokenBudget tokenBudget;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean enabled = true;
    private volatile int priority;
    private volatile int weight;
    private volatile long pausedUntilMillis;
    private volatile double firstByteMillis = -1;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastSuccessAt;
    private volatile Boolean healthy;
    /** Calls at once at most (limits.max-concurrent-requests): this instance's count, or one shared in Redis; null: none. */
    private volatile ConcurrencyLimit concurrency;
    /** The token budget shared with the other instances (Redis), or null for this instance's own. */
    private volatile Allowance sharedTokens;
    /** Told of each retry-after pause this instance learns from the provider, to pass it on to the others. */
    private volatile LongConsumer pauseListener = millis -> {
    };

    public ProviderStatus(ProviderClient client, CircuitBreaker breaker) {
        this.client = client;
        this.breaker = breaker;
        this.priority = client.settings().priority();
        this.weight = client.settings().weight();
        this.tokenBudget = new TokenBudget(client.settings().limits().maxTokensPerMinute());
        int maxConcurrent = client.settings().limits().maxConcurrentRequests();
        this.concurrency = maxConcurrent > 0 ? new LocalConcurrencyLimit(maxConcurrent) : null;
    }

    public String name() {
        return client.settings().name();
    }

    public ProviderSettings settings() {
        return client.settings();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Admits one call: holds a slot (give it back with {@link #release}), or says why not. Checked in order of
     * permanence: configuration, the switch, the breaker, the provider's own pause, then capacity. With Redis the
     * concurrency and token checks ask Redis, so call this on the router's pool, never on an event loop.
     */
    public Admission admit(long estimatedTokens) {
        Unavailability now = unavailable();
        if (now != null) {
            return Admission.refused(now);
        }
        ConcurrencyLimit limit = concurrency;
        Slot slot = limit == null ? Slot.NONE : limit.tryTake();
        if (slot == null) {
            return Admission.refused(new Unavailability("at its limit of " + settings().limits().maxConcurrentRequests()
                    + " concurrent requests", Duration.ofSeconds(1), true));
        }
        Allowance shared = sharedTokens;
        Duration wait = shared != null ? shared.tryTake(sharedReservation(estimatedTokens))
                : tokenBudget.tryReserve(estimatedTokens, System.currentTimeMillis());
        if (wait != null) {
            slot.release();
            return Admission.refused(new Unavailability("over its budget of " + settings().limits().maxTokensPerMinute()
                    + " tokens per minute", wait, true));
        }
        inFlight.incrementAndGet();
        return Admission.granted(slot);
    }

    /** Why the provider takes no call now, without taking a slot; null when it would. */
    public Unavailability unavailable() {
        String missing = client.missingReason();
        if (missing != null) {
            return new Unavailability(missing, null, false);
        }
        if (!enabled) {
            return new Unavailability("disabled", null, false);
        }
        CircuitBreaker.State state = breaker.getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return new Unavailability("out of rotation: its circuit breaker is open",
                    settings().breaker().waitDurationInOpenState(), false);
        }
        long pause = pausedUntilMillis - System.currentTimeMillis();
        if (pause > 0) {
            return new Unavailability("paused at the provider's request (retry-after)", Duration.ofMillis(pause), true);
        }
        if (Boolean.FALSE.equals(healthy)) {
            return new Unavailability("failing its health check", null, false);
        }
        return null;
    }

    /** "up", "disabled" (switched off) or "down" (any other reason it takes no call now), as the endpoints show it. */
    public String availability() {
        return unavailable() == null ? "up" : !enabled ? "disabled" : "down";
    }

    /** Ends a call's hold on its slot; the real token count replaces the estimate. Never blocks. */
    public void release(Admission admission, long estimatedTokens, long actualTokens) {
        inFlight.decrementAndGet();
        admission.slot().release();
        if (actualTokens > 0) {
            Allowance shared = sharedTokens;
            if (shared != null) {
                shared.charge(actualTokens - sharedReservation(estimatedTokens));
            } else {
                tokenBudget.adjust(actualTokens - estimatedTokens, System.currentTimeMillis());
            }
        }
    }

    /**
     * What a call takes from a shared budget up front: its estimate, but never more than the whole minute, so a call
     * larger than the budget still passes when nothing else was used (as with the local budget).
     */
    private long sharedReservation(long estimatedTokens) {
        return Math.min(estimatedTokens, settings().limits().maxTokensPerMinute());
    }

    /** Counts this provider's calls at once against a limit shared by every instance (Redis). */
    public void shareConcurrency(ConcurrencyLimit limit) {
        this.concurrency = limit;
    }

    /**
     * Who counts against the concurrency limit now: "all instances" (in Redis), "this instance" (no Redis, or Redis
     * away), or null when the provider has no limit.
     */
    public String concurrencyCountedBy() {
        ConcurrencyLimit limit = concurrency;
        return limit == null ? null : limit.shared() ? "all instances" : "this instance";
    }

    /** Counts this provider's tokens per minute in a budget shared by every instance (Redis). */
    public void shareTokenBudget(Allowance budget) {
        this.sharedTokens = budget;
    }

    /** Who to tell of a retry-after pause the provider asked this instance for (milliseconds from now). */
    public void onPause(LongConsumer listener) {
        this.pauseListener = listener;
    }

    /** A pause another instance learnt of: the provider takes no call here either for that long. */
    public void pauseFor(long millis) {
        pausedUntilMillis = Math.max(pausedUntilMillis, System.currentTimeMillis() + millis);
    }

    /** The provider's head arrived after this long. */
    public void succeeded(long firstByteNanos) {
        double millis = firstByteNanos / 1_000_000.0;
        double previous = firstByteMillis;
        firstByteMillis = previous < 0 ? millis : EWMA_ALPHA * millis + (1 - EWMA_ALPHA) * previous;
        lastSuccessAt = Instant.now();
    }

    public void failed(Throwable failure) {
        lastError = Redactor.redact(failure.getMessage());
        lastErrorAt = Instant.now();
        if (failure instanceof ProviderException pe) {
            pe.retryAfter().ifPresent(wait -> {
                pauseFor(wait.toMillis());
                pauseListener.accept(wait.toMillis());
            });
        }
    }

    /** Lifts a pause a provider asked for (retry-after), e.g. when an operator puts it back into rotation. */
    public void resume() {
        pausedUntilMillis = 0;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Moving average of time to first byte in milliseconds, or -1 before the first success. */
    public double firstByteMillis() {
        return firstByteMillis;
    }

    public boolean enabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The moving average of time to first byte to one decimal, for display; null before the first answer. */
    public Double firstByteMillisRounded() {
        double millis = firstByteMillis;
        return millis < 0 ? null : Math.round(millis * 10) / 10.0;
    }

    public int priority() {
        return priority;
    }

    public void setPriority(int priority) {
        this.priority = priority;
    }

    public int weight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    /** Result of the last active health check: true, false, or null when none ran. */
    public Boolean healthy() {
        return healthy;
    }

    public void setHealthy(Boolean healthy) {
        this.healthy = healthy;
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    public Instant lastSuccessAt() {
        return lastSuccessAt;
    }

    public long tokensUsedLastMinute() {
        Allowance shared = sharedTokens;
        if (shared != null) {
            return Math.max(0, settings().limits().maxTokensPerMinute() - shared.remaining());
        }
        return tokenBudget.used(System.currentTimeMillis());
    }
}
