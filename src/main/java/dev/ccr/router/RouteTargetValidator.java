package dev.ccr.router;

import dev.ccr.config.ConfigException;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.SendDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.util.URISupport;

import java.util.List;
import java.util.Map;

/**
 * Checks every {@code provider:} target in a route: the provider must be configured and list the model. A mistake
 * names the route file, the route and the value, and stops the start (or rejects a reload) before any request is hurt.
 */
public final class RouteTargetValidator {
    private final CamelContext context;
    private final ProviderRegistry providers;

    public RouteTargetValidator(CamelContext context, ProviderRegistry providers) {
        this.context = context;
        this.providers = providers;
    }

    public void validate(RouteDefinition route) {
        String file = route.getResource() != null ? route.getResource().getLocation() : "(no file)";
        for (String uri : targetUris(route.getOutputs())) {
            try {
                String resolved = context.resolvePropertyPlaceholders(uri);
                String rest = resolved.substring("provider:".length());
                String name = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
                Map<String, Object> query = URISupport.parseQuery(URISupport.extractQuery(resolved), true);
                Object model = query.get("model");
                TargetValidator.check(providers, name.startsWith("//") ? name.substring(2) : name,
                        model == null ? null : model.toString());
            } catch (IllegalArgumentException | java.net.URISyntaxException e) {
                throw new ConfigException(file, "route '" + route.getRouteId() + "'",
                        "target '" + uri + "': " + e.getMessage());
            }
        }
    }

    private static List<String> targetUris(List<ProcessorDefinition<?>> outputs) {
        java.util.ArrayList<String> uris = new java.util.ArrayList<>();
        collect(outputs, uris);
        return uris;
    }

    private static void collect(List<ProcessorDefinition<?>> outputs, List<String> uris) {
        for (ProcessorDefinition<?> output : outputs) {
            // a dynamic target (toD with ${…}) or the pinned one is checked per request by the classifier instead
            if (output instanceof SendDefinition<?> send && !(output instanceof ToDynamicDefinition)) {
                String uri = send.getEndpointUri();
                if (uri != null && uri.startsWith("provider:") && !PinnedTargetEndpoint.URI.equals(uri)) {
                    uris.add(uri);
                }
            }
            collect(output.getOutputs(), uris);
        }
    }
}
