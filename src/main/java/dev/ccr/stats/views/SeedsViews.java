package dev.ccr.stats.views;

import dev.ccr.admin.RoutingTable;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.stats.RequestStatistics;
import dev.ccr.stats.TargetTraffic;
import org.apache.camel.CamelContext;

/**
 * The endpoints the seeds' documents show (routes/common/seeds-views.camel.yaml), as views over the statistics the
 * router keeps: binds {@code routingStatsView}, {@code loadBalancingView}, {@code circuitBreakersView} and
 * {@code loadBalancingDashboardView}.
 */
public final class SeedsViews {
    private SeedsViews() {
    }

    public static void install(CamelContext context, RequestStatistics statistics, TargetTraffic traffic,
                               ProviderStatusBoard board) {
        var registry = context.getRegistry();
        registry.bind("routingStatsView", new RoutingStatsView(statistics));
        registry.bind("loadBalancingView", new LoadBalancingView(new RoutingTable(context), traffic, board));
        registry.bind("circuitBreakersView", new CircuitBreakersView(board));
        registry.bind("loadBalancingDashboardView", new LoadBalancingDashboardView(board));
    }
}
