package dev.ccr;

import dev.ccr.config.ScenarioProperties;
import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.provider.ProviderUrl;
import dev.ccr.transform.ProtocolTransformer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds the router's beans from the configuration and binds them under the names the YAML routes use, one layer
 * at a time from the bottom up: each layer's wiring class binds that layer's beans, named by the constants next to
 * its YAML ({@link dev.ccr.model.RouterNames}, {@link dev.ccr.ingress.IngressBeans},
 * {@link dev.ccr.stats.StatsBeans}, {@link dev.ccr.admin.AdminBeans}, {@link dev.ccr.stats.views.SeedsViews},
 * {@link dev.ccr.keys.KeysBeans}).
 * Only what the routes cannot express lives here.
 */
public class RouterConfiguration implements CamelConfiguration {
    public static final String CONFIG_FILE_PROPERTY = "ccr.config-file";
    private static final Logger LOG = LoggerFactory.getLogger(RouterConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        String configFile = properties.resolveProperty(CONFIG_FILE_PROPERTY).orElse(CamelCodeRouter.DEFAULT_CONFIG);
        Settings fileSettings = new Settings(properties::resolveProperty, configFile);
        ScenarioProperties scenario = scenarioProperties(fileSettings);
        Settings settings = new Settings(scenario.overlay(properties::resolveProperty,
                key -> isOverridden(properties, key), context::resolvePropertyPlaceholders), configFile);
        List<String> propertyNames = List.copyOf(scenario.propertyNames(
                properties.loadProperties().stringPropertyNames()));

        ClientAuthenticator authenticator = IngressWiring.authenticator(settings);
        SharedStateWiring.Wired shared = SharedStateWiring.wire(context, settings);
        ProviderWiring.Wired provider = ProviderWiring.wire(context, settings, propertyNames);
        ProviderRegistry providers = provider.providers();
        CatalogWiring.Wired catalog = CatalogWiring.wire(context, settings, propertyNames, providers);
        Map<String, ProtocolTransformer> transformers = TransformWiring.wire(context, providers, catalog.limits());
        RouterWiring.Wired router = RouterWiring.wire(context, settings, providers, transformers, shared);
        OperationsWiring.Wired operations = OperationsWiring.wire(context, settings, providers, router, shared);
        RouterWiring.wireClassification(context, settings, propertyNames, providers, operations.modelMap());
        KeysWiring.wire(context, settings, providers, authenticator, shared, catalog, operations);
        IngressWiring.wire(context, settings, authenticator, provider, catalog, shared, router.board(),
                operations.requestListener());
        logProviders(providers, transformers);
    }

    /**
     * Where each provider's requests go and whether it is ready. The resolved URL, so a base URL written with or
     * without its version segment can be checked at a glance; logged once the transforms (which know each
     * protocol's request path) exist.
     */
    private static void logProviders(ProviderRegistry providers, Map<String, ProtocolTransformer> transformers) {
        for (ProviderClient provider : providers.all()) {
            String missing = provider.missingReason();
            String requests = ProviderUrl.describe(provider.settings().baseUrl(),
                    transformers.get(provider.settings().protocol()).requestPath(provider.settings()));
            LOG.info("Provider {} ({}): requests go to {}; {}", provider.settings().name(),
                    provider.settings().protocol(), requests, missing == null ? "ready" : "not ready: " + missing);
        }
    }

    /**
     * The running scenario's own properties ({@code ccr.scenario-properties}, default
     * {@code config/scenarios/<scenario>.properties}), e.g. the provider blocks the importer wrote. The scenario name is
     * checked before it becomes part of a path.
     */
    private static ScenarioProperties scenarioProperties(Settings settings) {
        String name = ScenarioProperties.checkName(settings.string("ccr.scenario", "default"), settings.source());
        Path file = Path.of(settings.string("ccr.scenario-properties", "config/scenarios/" + name + ".properties"));
        ScenarioProperties scenario = ScenarioProperties.load(file);
        if (!scenario.providers().isEmpty()) {
            LOG.info("Scenario {}: providers {} from {}", name, scenario.providers(), file);
        }
        return scenario;
    }

    /** Set by an environment variable or an override property, which win over the scenario's file too. */
    private static boolean isOverridden(PropertiesComponent properties, String key) {
        if (System.getenv(ScenarioProperties.environmentName(key)) != null) {
            return true;
        }
        return properties instanceof org.apache.camel.component.properties.PropertiesComponent impl
                && impl.getOverrideProperties() != null
                // Camel's OrderedProperties answers getProperty, not containsKey
                && impl.getOverrideProperties().getProperty(key) != null;
    }
}
