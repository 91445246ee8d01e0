package dev.ccr;

import dev.ccr.catalog.ModelCatalog;
import dev.ccr.catalog.TargetLimits;
import dev.ccr.config.Settings;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.tokens.TokenCounter;
import org.apache.camel.CamelContext;

import java.util.List;

/**
 * The model catalog, between the providers (whose publications it reads) and the layers above that fit requests to
 * a model: the transforms, the router's context-window checks, the local responders and the keys' prices.
 */
final class CatalogWiring {
    private CatalogWiring() {
    }

    /** @param limits each target's limits, the catalog applied to a request */
    record Wired(ModelCatalog catalog, TargetLimits limits) {
    }

    static Wired wire(CamelContext context, Settings settings, List<String> propertyNames, ProviderRegistry providers) {
        ModelCatalog catalog = new ModelCatalog(providers, settings, propertyNames);
        TargetLimits limits = new TargetLimits(catalog, new TokenCounter());
        context.getRegistry().bind(TargetLimits.BEAN, limits);
        return new Wired(catalog, limits);
    }
}
