package dev.ccr;

import dev.ccr.admin.Admin;
import dev.ccr.admin.AdminBeans;
import dev.ccr.admin.ModelMapOverrides;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.request.RequestListener;
import dev.ccr.stats.MetricsResponder;
import dev.ccr.stats.Observability;
import dev.ccr.stats.SessionStatsResponder;
import dev.ccr.stats.StatsBeans;
import dev.ccr.stats.StatsResponder;
import dev.ccr.stats.views.SeedsViews;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * The operations layer, which reads the request path without the request path depending on it: statistics, metrics,
 * JMX and the request log listen to every request ({@link RequestListener}, owned by the router); the admin API and
 * panel read and change the providers' status.
 */
final class OperationsWiring {
    private OperationsWiring() {
    }

    /**
     * @param requestListener what the request reader reports every request to
     * @param modelMap        the model map the admin API changes at run time, for the classifier
     * @param meters          /metrics, for other parts' meters
     * @param statsResponder  /stats, for other parts' sections
     */
    record Wired(RequestListener requestListener, ModelMapOverrides modelMap, PrometheusMeterRegistry meters,
                 StatsResponder statsResponder) {
    }

    static Wired wire(CamelContext context, Settings settings, ProviderRegistry providers, RouterWiring.Wired router,
                      SharedStateWiring.Wired shared) {
        Registry registry = context.getRegistry();
        Observability observability = Observability.create(providers, router.breakers().registry(), router.board(),
                settings);
        registry.bind(StatsBeans.REQUEST_STATISTICS, observability.statistics());
        StatsResponder statsResponder = new StatsResponder(observability.statistics());
        registry.bind(StatsBeans.STATS_RESPONDER, statsResponder);
        registry.bind(StatsBeans.SESSION_STATS_RESPONDER, new SessionStatsResponder(observability.sessions()));
        registry.bind(StatsBeans.METRICS_REGISTRY, observability.meters());
        registry.bind(StatsBeans.METRICS_RESPONDER, new MetricsResponder(observability.meters()));
        ContextServices.add(context, observability);
        SeedsViews views = SeedsViews.create(context, observability.statistics(), observability.targetTraffic(),
                router.board());
        registry.bind(SeedsViews.ROUTING_STATS_VIEW, views.routingStats());
        registry.bind(SeedsViews.LOAD_BALANCING_VIEW, views.loadBalancing());
        registry.bind(SeedsViews.CIRCUIT_BREAKERS_VIEW, views.circuitBreakers());
        registry.bind(SeedsViews.LOAD_BALANCING_DASHBOARD_VIEW, views.loadBalancingDashboard());

        Admin admin = Admin.create(context, settings, providers, router.board(), shared.redis());
        registry.bind(AdminBeans.MODEL_MAP_OVERRIDES, admin.modelMap());
        registry.bind(AdminBeans.ROUTING_RESPONDER, admin.routingResponder());
        registry.bind(AdminBeans.ROUTING_UPDATER, admin.routingUpdater());
        registry.bind(AdminBeans.PANEL_ASSET_RESPONDER, admin.panelAssets());
        context.getManagementStrategy().addEventNotifier(admin.routingTableLog());
        return new Wired(RequestListener.all(observability.listener(), admin.traffic()), admin.modelMap(),
                observability.meters(), statsResponder);
    }
}
