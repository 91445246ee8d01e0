package dev.ccr.router.classify;

import dev.ccr.model.RouterNames;
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
        for (Route route : context.getRoutes()) {
            if (RouterNames.categoryOf(route.getEndpoint().getEndpointUri()).filter(category::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
