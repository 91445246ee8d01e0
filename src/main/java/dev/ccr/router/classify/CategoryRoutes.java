package dev.ccr.router.classify;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;

/**
 * Which categories the loaded routes serve ({@code direct:category-<name>}). Asked on each request, so a category file
 * added or removed by a reload counts from the next request on.
 */
public final class CategoryRoutes {
    private final CamelContext context;

    public CategoryRoutes(CamelContext context) {
        this.context = context;
    }

    public boolean exists(String category) {
        String uri = "direct://category-" + category;
        for (Route route : context.getRoutes()) {
            if (uri.equals(route.getEndpoint().getEndpointUri())) {
                return true;
            }
        }
        return false;
    }
}
