package dev.ccr.stats;

import dev.ccr.request.RequestListener;
import dev.ccr.request.RequestRecord;
import dev.ccr.provider.FailureKind;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link RequestListener} the router is given: puts the raw callbacks in order for the observers. Each attempt
 * ends exactly once — when it is reported failed, when the next attempt starts without that report, or when the
 * request ends (then with the request's outcome) — so in-flight counts cannot drift and no failure is counted twice
 * (an attempt reported failed is not counted again when the request ends with the same failure).
 */
public final class AttemptTracker implements RequestListener {
    private final List<RequestObserver> observers;
    private final ModelLabels models;
    /** The latest attempt of each request not yet ended. */
    private final Map<RequestRecord, Current> current = new ConcurrentHashMap<>();

    private static final class Current {
        final Attempt attempt;
        boolean open = true;

        Current(Attempt attempt) {
            this.attempt = attempt;
        }
    }

    public AttemptTracker(List<RequestObserver> observers, ModelLabels models) {
        this.observers = List.copyOf(observers);
        this.models = models;
    }

    @Override
    public void attemptStarted(RequestRecord record) {
        Attempt attempt = new Attempt(record.provider(), models.label(record.model()));
        Current previous = current.put(record, new Current(attempt));
        if (previous != null) {
            close(record, previous, Outcome.UNAVAILABLE);
        }
        observers.forEach(o -> o.attemptStarted(record, attempt));
    }

    @Override
    public void attemptFailed(RequestRecord record, String provider, FailureKind kind) {
        Current latest = current.get(record);
        if (latest != null && latest.attempt.provider().equals(provider)) {
            close(record, latest, Outcome.of(kind));
        }
    }

    @Override
    public void ended(RequestRecord record, long nanos) {
        Current latest = current.remove(record);
        String outcome = Outcome.of(record.failure(), record.status());
        if (latest != null) {
            close(record, latest, outcome);
        }
        Attempt attempt = latest == null ? null : latest.attempt;
        observers.forEach(o -> o.requestEnded(record, attempt, outcome, nanos));
    }

    private void close(RequestRecord record, Current attempt, String outcome) {
        synchronized (attempt) {
            if (!attempt.open) {
                return;
            }
            attempt.open = false;
        }
        observers.forEach(o -> o.attemptEnded(record, attempt.attempt, outcome));
    }

    /** Requests followed right now (started, not ended); for tests and leak checks. */
    int following() {
        return current.size();
    }
}
