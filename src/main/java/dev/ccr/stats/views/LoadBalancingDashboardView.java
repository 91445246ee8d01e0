package dev.ccr.stats.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.router.ProviderStatus;
import dev.ccr.router.ProviderStatusBoard;

/** {@code GET /dashboard/load-balancing}: the seeds' dashboard, one entry per provider. */
final class LoadBalancingDashboardView extends JsonView {
    private final ProviderStatusBoard board;

    LoadBalancingDashboardView(ProviderStatusBoard board) {
        this.board = board;
    }

    @Override
    protected ObjectNode build() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode providers = root.putObject("providers");
        for (ProviderStatus status : board.all()) {
            ObjectNode node = providers.putObject(status.name());
            node.put("status", status.availability());
            node.put("connections", status.inFlight());
            node.put("responseTime", status.firstByteMillisRounded());
            node.put("circuitBreakerState", status.breaker().getState().name());
            node.put("weight", status.weight());
            node.put("priority", status.priority());
        }
        return root;
    }
}
