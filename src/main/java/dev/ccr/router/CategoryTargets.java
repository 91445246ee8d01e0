package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.model.Target;
import org.apache.camel.CamelContext;
import org.apache.camel.model.Model;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.URISupport;

import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code provider:} targets each category route names, read from Camel's model (the route files as written, so an
 * edited and reloaded file counts at once). A target chosen per request ({@code provider:pinned}) is not among them.
 */
public final class CategoryTargets {
    private static final String PROVIDER_SCHEME = "provider:";

    private final CamelContext context;

    public CategoryTargets(CamelContext context) {
        this.context = context;
    }

    /** The category a route serves ({@code direct:category-<name>}), empty for any other route. */
    public Optional<String> categoryOf(RouteDefinition route) {
        return RouterNames.categoryOf(route.getInput() == null ? null : resolve(route.getInput().getEndpointUri()));
    }

    /** The targets of the route serving {@code category}; empty when no route serves it or it names none. */
    public List<Target> of(String category) {
        for (RouteDefinition route : routeDefinitions()) {
            if (categoryOf(route).filter(category::equals).isPresent()) {
                return of(route);
            }
        }
        return List.of();
    }

    /** The targets a route's {@code to} steps name, in the order written. */
    public List<Target> of(RouteDefinition route) {
        List<Target> targets = new ArrayList<>();
        for (ToDefinition to : ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDefinition.class)) {
            String uri = resolve(to.getUri());
            if (uri.startsWith(PROVIDER_SCHEME) && !PinnedTargetEndpoint.URI.equals(uri)) {
                targets.add(target(uri.substring(PROVIDER_SCHEME.length())));
            }
        }
        return targets;
    }

    public List<RouteDefinition> routeDefinitions() {
        return context.getCamelContextExtension().getContextPlugin(Model.class).getRouteDefinitions();
    }

    /** {@code text} with its {@code {{…}}} placeholders resolved; as written when one cannot be. */
    public String resolve(String text) {
        try {
            return context.resolvePropertyPlaceholders(text);
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** {@code NAME?model=M} (or {@code //NAME}) to its provider and model; model null when none is named. */
    static Target target(String remaining) {
        String rest = remaining.startsWith("//") ? remaining.substring(2) : remaining;
        int query = rest.indexOf('?');
        String provider = query < 0 ? rest : rest.substring(0, query);
        String model = null;
        if (query >= 0) {
            try {
                Map<String, Object> parameters = URISupport.parseQuery(rest.substring(query + 1), true);
                Object value = parameters.get("model");
                model = value == null ? null : unwrapRaw(value.toString());
            } catch (URISyntaxException e) {
                model = null;
            }
        }
        return new Target(provider, model);
    }

    private static String unwrapRaw(String value) {
        boolean raw = (value.startsWith("RAW(") && value.endsWith(")"))
                || (value.startsWith("RAW{") && value.endsWith("}"));
        return raw ? value.substring(4, value.length() - 1) : value;
    }
}
