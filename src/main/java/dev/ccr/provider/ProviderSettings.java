package dev.ccr.provider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A provider's configuration without its secrets: safe to hand to transformers, show in /stats, JMX and the panel.
 *
 * @param name      the name routes use ({@code provider:NAME})
 * @param protocol  the wire protocol: anthropic, openai, gemini, codewhisperer
 * @param baseUrl   where the provider's API lives
 * @param models    the models it serves; empty means any model
 * @param timeouts  connect, first byte, idle gap between stream events, whole request
 * @param limits    concurrency and token budget
 * @param breaker   its circuit breaker's settings
 * @param healthCheck its active health check
 * @param priority  lower is preferred by priority-aware balancers (1 = first)
 * @param weight    its share in weighted balancing
 * @param options   protocol-specific settings (e.g. reasoning style, fields to strip, token file path)
 * @param caFile    a PEM file of the certificates an HTTPS provider's certificate must chain to, instead of the
 *                  JDK's trusted authorities; null for the JDK's
 */
public record ProviderSettings(String name, String protocol, URI baseUrl, List<String> models, Timeouts timeouts,
                               Limits limits, Breaker breaker, HealthCheck healthCheck, int priority, int weight,
                               Map<String, String> options, Path caFile) {

    public boolean servesAnyModel() {
        return models.isEmpty();
    }

    public boolean serves(String model) {
        return models.isEmpty() || models.contains(model);
    }

    /** A protocol option, or the fallback when it is not set or left empty. */
    public String option(String key, String fallback) {
        String value = options.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A protocol option where writing it empty means "none": empty when so written, the fallback when absent. */
    public String optionOrEmpty(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /**
     * @param interval how often to probe (zero: never)
     * @param timeout  how long a probe may take
     * @param retries  failed probes in a row before the provider counts as unhealthy
     * @param path     what to call (a cheap GET such as the model list); empty for the protocol's default
     */
    public record HealthCheck(Duration interval, Duration timeout, int retries, String path) {
        public boolean enabled() {
            return !interval.isZero();
        }
    }

    /**
     * @param connect   to open a connection
     * @param firstByte from sending a call to its answer's head
     * @param idle      the longest gap between two pieces of a streamed answer
     * @param total     the whole answer
     * @param keepAlive how long an unused connection to the provider is kept for the next call
     */
    public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total, Duration keepAlive) {
    }

    /**
     * @param maxConcurrentRequests calls in flight at most (0 = no limit)
     * @param maxTokensPerMinute    input plus output tokens per minute at most (0 = no limit)
     * @param maxOutputTokens       max_tokens is clamped to this (0 = no clamp)
     */
    public record Limits(int maxConcurrentRequests, int maxTokensPerMinute, int maxOutputTokens) {
    }

    /**
     * @param failureRateThreshold      percentage of failed calls that opens the breaker
     * @param slidingWindowSize         calls the rate is measured over
     * @param minimumNumberOfCalls      calls before the rate counts
     * @param waitDurationInOpenState   how long it stays open before a probe (the seeds' resetTimeout)
     * @param permittedCallsInHalfOpen  probe calls while half open
     * @param slowCallDurationThreshold a call slower than this to its first byte counts as slow
     * @param slowCallRateThreshold     percentage of slow calls that opens the breaker
     */
    public record Breaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                          Duration waitDurationInOpenState, int permittedCallsInHalfOpen,
                          Duration slowCallDurationThreshold, float slowCallRateThreshold) {
    }
}
