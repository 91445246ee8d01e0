package dev.ccr.stats;

import java.util.Map;
import java.util.TreeMap;

/** The {@link ClassifierMXBean}, reading {@link RequestStatistics}. */
final class ClassifierJmx implements ClassifierMXBean {
    private final RequestStatistics statistics;

    ClassifierJmx(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public long getTotalRequests() {
        return statistics.totalRequests();
    }

    @Override
    public Map<String, Long> getRequestsByCategory() {
        return statistics.categoryDistribution();
    }

    @Override
    public Map<String, Long> getRequestsByCategoryLast5Minutes() {
        Map<String, Long> out = new TreeMap<>();
        statistics.snapshot().categories().forEach((name, c) -> out.put(name, c.recent().requests()));
        return out;
    }
}
