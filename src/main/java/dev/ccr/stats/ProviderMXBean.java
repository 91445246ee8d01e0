package dev.ccr.stats;

/**
 * {@code dev.ccr:type=Provider,name=<provider>}: one provider's calls (failovers included) since start, its last
 * five minutes, and its circuit breaker, which an operator can force open or reset. Durations in milliseconds;
 * percentiles are null before the first successful call.
 */
public interface ProviderMXBean {
    String getName();

    String getBreakerState();

    /** Percentage of failed calls in the breaker's window; -1 until it has seen its minimum number of calls. */
    float getBreakerFailureRatePercent();

    int getCallsInFlight();

    long getRequests();

    long getSuccesses();

    long getErrors();

    long getConnectErrors();

    long getTimeoutErrors();

    long getClientErrors4xx();

    long getRateLimited429();

    long getServerErrors5xx();

    long getBrokenStreams();

    long getUnavailableErrors();

    Double getLatencyP50Millis();

    Double getLatencyP95Millis();

    Double getLatencyP99Millis();

    Double getTimeToFirstTokenP50Millis();

    Double getTimeToFirstTokenP95Millis();

    Double getTimeToFirstTokenP99Millis();

    long getInputTokens();

    long getOutputTokens();

    long getRequestsLast5Minutes();

    long getErrorsLast5Minutes();

    /** Closes the breaker and clears its window: the provider is back in rotation. */
    void resetBreaker();

    /** Opens the breaker until {@link #resetBreaker()}: the provider takes no call (state FORCED_OPEN). */
    void forceOpen();

    /** Whether balancers may send calls to it (switched off by {@link #disable()}, the panel or the admin API). */
    boolean isEnabled();

    /** Puts the provider back into rotation, lifting any retry-after pause. Not saved across restarts. */
    void enable();

    /** Takes the provider out of rotation; streams under way finish. Not saved across restarts. */
    void disable();
}
