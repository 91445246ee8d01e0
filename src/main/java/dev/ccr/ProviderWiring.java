package dev.ccr;

import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.provider.CredentialsFactory;
import dev.ccr.provider.ParameterRecovery;
import dev.ccr.provider.ProviderCallProcessor;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.UnsupportedParameters;
import dev.ccr.provider.kiro.KiroCredentialsFactory;
import dev.ccr.model.RouterNames;
import org.apache.camel.CamelContext;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The provider layer: one client per configured provider, with its credentials, and the call step of their routes. */
final class ProviderWiring {
    private ProviderWiring() {
    }

    /**
     * @param providers             the configured providers
     * @param unsupportedParameters the request parameters providers refused, learned by the calls (for
     *                              /health/providers)
     */
    record Wired(ProviderRegistry providers, UnsupportedParameters unsupportedParameters) {
    }

    static Wired wire(CamelContext context, Settings settings, List<String> propertyNames) {
        Map<String, CredentialsFactory> credentialFactories = ProviderRegistry.apiKeyFactories();
        credentialFactories.put("codewhisperer", new KiroCredentialsFactory());
        ProviderRegistry providers = ProviderRegistry.load(settings, propertyNames, credentialFactories,
                failoverStatuses(settings));
        ContextServices.add(context, providers);
        UnsupportedParameters unsupportedParameters = new UnsupportedParameters();
        context.getRegistry().bind(RouterNames.PROVIDER_REGISTRY, providers);
        context.getRegistry().bind(RouterNames.PROVIDER_CALL,
                new ProviderCallProcessor(providers, new ParameterRecovery(unsupportedParameters)));
        return new Wired(providers, unsupportedParameters);
    }

    /** HTTP statuses on which another provider is tried ({@code ccr.failover.statuses}). */
    private static Set<Integer> failoverStatuses(Settings settings) {
        List<String> configured = settings.list("ccr.failover.statuses");
        if (configured.isEmpty()) {
            return ProviderRegistry.DEFAULT_RETRYABLE;
        }
        Set<Integer> statuses = new HashSet<>();
        for (String status : configured) {
            try {
                statuses.add(Integer.parseInt(status));
            } catch (NumberFormatException e) {
                throw new ConfigException(settings.source(), "ccr.failover.statuses", "'" + status + "' is not an HTTP status");
            }
        }
        return Set.copyOf(statuses);
    }
}
