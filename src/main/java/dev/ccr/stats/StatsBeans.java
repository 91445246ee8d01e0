package dev.ccr.stats;

/** The beans routes/common/stats.camel.yaml and metrics.camel.yaml (and camel-micrometer) refer to by name. */
public final class StatsBeans {
    public static final String REQUEST_STATISTICS = "requestStatistics";
    public static final String STATS_RESPONDER = "statsResponder";
    /** GET /stats/sessions/<id>: one Claude Code session's recent requests. */
    public static final String SESSION_STATS_RESPONDER = "sessionStatsResponder";
    /** The name camel-micrometer looks up, so micrometer: endpoints in routes land in the same /metrics. */
    public static final String METRICS_REGISTRY = "metricsRegistry";
    public static final String METRICS_RESPONDER = "metricsResponder";

    private StatsBeans() {
    }
}
