package dev.ccr.ingress;

import org.apache.camel.model.RouteDefinition;

/**
 * Every netty-http route must use the route configuration {@value #CONFIGURATION}: it answers failures in
 * Anthropic's envelope and, through its {@code interceptFrom}, runs the {@link CrossSiteGuard} first. A route that
 * forgot it would be an endpoint any web page could drive, so it stops the start (or the reload) instead.
 */
public final class GuardedIngressRule {
    public static final String CONFIGURATION = "answer-errors-in-anthropic-format";

    private GuardedIngressRule() {
    }

    /** @throws IllegalArgumentException naming the route when it listens on netty-http without the configuration */
    public static void check(RouteDefinition route) {
        String uri = route.getInput() == null ? null : route.getInput().getEndpointUri();
        if (uri != null && uri.startsWith("netty-http:") && !CONFIGURATION.equals(route.getRouteConfigurationId())) {
            throw new IllegalArgumentException("Route " + route.getRouteId() + " listens on " + uri
                    + " but does not use routeConfigurationId: " + CONFIGURATION
                    + " (the cross-site guard and Anthropic-format errors every HTTP endpoint needs)");
        }
    }
}
