package dev.ccr.stats;

import java.util.Map;
import java.util.stream.Collectors;

/** GET /stats?format=text: the same snapshot as the JSON, laid out for a terminal. */
final class StatsText {
    private static final String ROW = "  %-13s %9s %8s %7s %9s %9s %9s %10s %10s  %s%n";

    private StatsText() {
    }

    static String render(StatsSnapshot s) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Camel Code Router: up %s, %d requests, %d provider calls in flight%n",
                uptime(s.uptimeSeconds()), s.totalRequests(), s.inFlight()));
        out.append(String.format("  providers: %s%n  categories: %s%n", counts(s.providerDistribution()),
                counts(s.categoryDistribution())));
        section(out, "ALL REQUESTS");
        periods(out, s.total().recent(), s.total().sinceStart(), s.windowSeconds());
        section(out, "PROVIDERS (calls, failovers included)");
        s.providers().forEach((name, p) -> {
            out.append(String.format(" %s  breaker %s, %d in flight%n", name,
                    p.breaker() == null ? "none" : p.breaker().state(), p.inFlight()));
            periods(out, p.recent(), p.sinceStart(), s.windowSeconds());
        });
        section(out, "CATEGORIES");
        s.categories().forEach((name, c) -> {
            out.append(' ').append(name).append(System.lineSeparator());
            periods(out, c.recent(), c.sinceStart(), s.windowSeconds());
        });
        section(out, "MODELS (calls)");
        s.models().forEach((key, m) -> {
            out.append(' ').append(key).append(System.lineSeparator());
            periods(out, m.recent(), m.sinceStart(), s.windowSeconds());
        });
        return out.toString();
    }

    private static void section(StringBuilder out, String title) {
        out.append(System.lineSeparator()).append(title).append(System.lineSeparator());
        out.append(String.format(ROW, "", "requests", "ok", "errors", "p50 ms", "p95 ms", "p99 ms", "ttft p50",
                "ttft p95", "tokens in/out, errors by kind"));
    }

    private static void periods(StringBuilder out, StatsSnapshot.Period recent, StatsSnapshot.Period sinceStart,
                                long windowSeconds) {
        row(out, "last " + windowSeconds / 60 + " min", recent);
        row(out, "since start", sinceStart);
    }

    private static void row(StringBuilder out, String label, StatsSnapshot.Period p) {
        String errors = p.errorsByKind().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.append(String.format(ROW, label, p.requests(), p.successes(), p.errors(), ms(p.latencyMs().p50()),
                ms(p.latencyMs().p95()), ms(p.latencyMs().p99()), ms(p.timeToFirstTokenMs().p50()),
                ms(p.timeToFirstTokenMs().p95()),
                p.inputTokens() + "/" + p.outputTokens() + (errors.isEmpty() ? "" : "  " + errors)));
    }

    private static String ms(Double value) {
        return value == null ? "-" : String.format("%.0f", value);
    }

    private static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String uptime(long seconds) {
        return seconds >= 3600 ? String.format("%dh %02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format("%dm %02ds", seconds / 60, seconds % 60);
    }
}
