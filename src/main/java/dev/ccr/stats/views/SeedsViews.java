package dev.ccr.stats.views;

import dev.ccr.admin.RoutingTable;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.stats.RequestStatistics;
import dev.ccr.stats.TargetTraffic;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;

/**
 * The endpoints the seeds' documents show (routes/common/seeds-views.camel.yaml), as views over the statistics the
 * router keeps; the router's wiring binds each under the name the routes use.
 */
public record SeedsViews(Processor routingStats, Processor loadBalancing, Processor circuitBreakers,
                         Processor loadBalancingDashboard) {
    public static final String ROUTING_STATS_VIEW = "routingStatsView";
    public static final String LOAD_BALANCING_VIEW = "loadBalancingView";
    public static final String CIRCUIT_BREAKERS_VIEW = "circuitBreakersView";
    public static final String LOAD_BALANCING_DASHBOARD_VIEW = "loadBalancingDashboardView";

    public static SeedsViews create(CamelContext context, RequestStatistics statistics, TargetTraffic traffic,
                                    ProviderStatusBoard board) {
        return new SeedsViews(new RoutingStatsView(statistics),
                new LoadBalancingView(new RoutingTable(context), traffic, board), new CircuitBreakersView(board),
                new LoadBalancingDashboardView(board));
    }
}
