package dev.ccr.router;

import dev.ccr.model.RouterNames;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.builder.RouteBuilder;

/**
 * Instantiates the route template {@code provider-route} (routes/common/providers.camel.yaml) once per configured
 * provider, so adding a provider is a few lines of configuration, not a copied route. Camel adds templated routes
 * after every route file is loaded, so the template is there by then.
 */
public final class ProviderRoutesBuilder extends RouteBuilder {
    public static final String TEMPLATE = "provider-route";

    private final ProviderRegistry providers;

    public ProviderRoutesBuilder(ProviderRegistry providers) {
        this.providers = providers;
    }

    @Override
    public void configure() {
        for (ProviderClient provider : providers.all()) {
            String name = provider.settings().name();
            templatedRoute(TEMPLATE)
                    .routeId(RouterNames.providerRouteId(name))
                    .parameter("provider", name)
                    .parameter("protocol", provider.settings().protocol());
        }
    }
}
