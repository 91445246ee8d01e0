package dev.ccr;

import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.keys.CatalogPrices;
import dev.ccr.keys.Keys;
import dev.ccr.keys.KeysBeans;
import dev.ccr.provider.ProviderRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Per-user keys, a feature across layers: their authenticator and quota guard run in the client routes, their
 * admin API beside /admin/routing, their usage in /stats and /metrics. Wired after the operations layer (whose
 * meters and /stats they report to) and before the ingress routes that use them.
 */
final class KeysWiring {
    private KeysWiring() {
    }

    static void wire(CamelContext context, Settings settings, ProviderRegistry providers,
                     ClientAuthenticator routerKey, SharedStateWiring.Wired shared, CatalogWiring.Wired catalog,
                     OperationsWiring.Wired operations) {
        Keys keys = Keys.create(settings, providers, routerKey, shared.redis(), shared.allowances(),
                operations.meters(), new CatalogPrices(catalog.catalog()));
        Registry registry = context.getRegistry();
        registry.bind(KeysBeans.USER_KEY_AUTHENTICATOR, keys.authenticator());
        registry.bind(KeysBeans.KEY_QUOTA_GUARD, keys.quotaGuard());
        registry.bind(KeysBeans.KEYS_ADMIN, keys.admin());
        operations.statsResponder().addSection("keys", keys.usage()::toJson);
    }
}
