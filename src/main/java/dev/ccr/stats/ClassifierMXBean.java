package dev.ccr.stats;

import java.util.Map;

/** {@code dev.ccr:type=Classifier}: how the classifier sent requests, by category. */
public interface ClassifierMXBean {
    long getTotalRequests();

    Map<String, Long> getRequestsByCategory();

    Map<String, Long> getRequestsByCategoryLast5Minutes();
}
