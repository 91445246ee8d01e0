package dev.ccr.stats.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.stats.RequestStatistics;
import dev.ccr.stats.StatsSnapshot;

/** {@code GET /stats/routing}: the seeds' routing statistics, the first three fields of /stats. */
final class RoutingStatsView extends JsonView {
    private final RequestStatistics statistics;

    RoutingStatsView(RequestStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    protected ObjectNode build() {
        StatsSnapshot snapshot = statistics.snapshot();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("totalRequests", snapshot.totalRequests());
        root.set("providerDistribution", Json.MAPPER.valueToTree(snapshot.providerDistribution()));
        root.set("categoryDistribution", Json.MAPPER.valueToTree(snapshot.categoryDistribution()));
        return root;
    }
}
