package dev.ccr.stats.views;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ccr.json.Json;
import dev.ccr.admin.RoutingTable;
import dev.ccr.model.Target;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.balance.WeightedBalancer;
import dev.ccr.stats.TargetTraffic;

import java.util.List;

/**
 * {@code GET /metrics/load-balancing}: per category route, its balancer, its targets, the calls each took and, for
 * weighted balancing, each target's current weight. Read from the running routes, so a reloaded file shows at once.
 */
final class LoadBalancingView extends JsonView {
    private final RoutingTable table;
    private final TargetTraffic traffic;
    private final ProviderStatusBoard board;

    LoadBalancingView(RoutingTable table, TargetTraffic traffic, ProviderStatusBoard board) {
        this.table = table;
        this.traffic = traffic;
        this.board = board;
    }

    @Override
    protected ObjectNode build() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode categories = root.putObject("categories");
        for (RoutingTable.CategoryRoute route : table.routes()) {
            ObjectNode node = categories.putObject(route.category());
            node.put("routeId", route.routeId());
            node.put("strategy", route.strategy());
            var targets = node.putArray("targets");
            List<Target> list = route.targets();
            for (int i = 0; i < list.size(); i++) {
                Target target = list.get(i);
                ObjectNode t = targets.addObject();
                t.put("provider", target.provider());
                t.put("model", target.model());
                t.put("requests", traffic.calls(route.category(), target.provider(), target.model()));
                if (route.balancer() instanceof WeightedBalancer weighted) {
                    t.put("weight", weighted.weightAt(i, board.get(target.provider()).weight()));
                } else {
                    t.putNull("weight");
                }
            }
        }
        return root;
    }
}
