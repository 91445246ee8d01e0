package dev.ccr.admin;

import dev.ccr.model.Target;
import dev.ccr.router.CategoryTargets;
import dev.ccr.router.PinnedTargetEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.model.LoadBalanceDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.model.LoadBalancerDefinition;
import org.apache.camel.model.loadbalancer.CustomLoadBalancerDefinition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The category routes as written in the route files (read from Camel's model, so an edited and reloaded file shows
 * at once): for each route from {@code direct:category-<name>}, its load balancer and its {@code provider:} targets.
 */
public final class RoutingTable {
    private static final String PROVIDER_SCHEME = "provider:";

    /**
     * @param strategy the load balancer: Camel's own (weighted, roundRobin, failover, sticky, random, topic), the
     *                 class of a custom one (e.g. WeightedBalancer), "single" for one target, "dynamic" when the
     *                 target is chosen per request (provider:pinned)
     */
    public record CategoryRoute(String category, String routeId, String strategy, List<Target> targets,
                                Object balancer) {
    }

    private final CamelContext context;
    private final CategoryTargets categoryTargets;

    public RoutingTable(CamelContext context) {
        this.context = context;
        this.categoryTargets = new CategoryTargets(context);
    }

    public List<CategoryRoute> routes() {
        List<CategoryRoute> routes = new ArrayList<>();
        for (RouteDefinition route : categoryTargets.routeDefinitions()) {
            Optional<String> category = categoryTargets.categoryOf(route);
            if (category.isPresent()) {
                List<Target> named = categoryTargets.of(route);
                routes.add(new CategoryRoute(category.get(), route.getRouteId(), strategy(route, named), named, balancer(route)));
            }
        }
        return routes;
    }

    private String strategy(RouteDefinition route, List<Target> targets) {
        Collection<LoadBalanceDefinition> balancers =
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), LoadBalanceDefinition.class);
        if (!balancers.isEmpty()) {
            Object custom = balancer(route);
            return custom != null ? custom.getClass().getSimpleName()
                    : balancerName(balancers.iterator().next().getLoadBalancerType());
        }
        if (!ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDynamicDefinition.class).isEmpty()
                || sendsToPinnedTarget(route)) {
            return "dynamic";
        }
        return targets.size() == 1 ? "single" : "none";
    }

    /** The route's custom balancer bean (e.g. a WeightedBalancer, for its weights); null for Camel's own. */
    private Object balancer(RouteDefinition route) {
        for (LoadBalanceDefinition balance : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(),
                LoadBalanceDefinition.class)) {
            if (balance.getLoadBalancerType() instanceof CustomLoadBalancerDefinition custom) {
                return custom.getCustomLoadBalancer() != null ? custom.getCustomLoadBalancer()
                        : custom.getRef() == null ? null : context.getRegistry().lookupByName(resolve(custom.getRef()));
            }
        }
        return null;
    }

    private String balancerName(LoadBalancerDefinition type) {
        if (type instanceof CustomLoadBalancerDefinition) {
            return "custom";
        }
        if (type == null) {
            return "none";
        }
        // WeightedLoadBalancerDefinition -> weighted, RoundRobinLoadBalancerDefinition -> roundRobin: the DSL names
        String name = type.getClass().getSimpleName().replace("LoadBalancerDefinition", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private boolean sendsToPinnedTarget(RouteDefinition route) {
        return ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class).stream()
                .anyMatch(to -> PinnedTargetEndpoint.URI.equals(resolve(to.getUri())));
    }

    private String resolve(String text) {
        return categoryTargets.resolve(text);
    }
}
