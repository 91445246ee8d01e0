package dev.ccr;

import dev.ccr.config.Settings;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.transform.ProtocolTransformer;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

import java.util.List;
import java.util.Map;

/**
 * Builds the router's beans from the configuration and binds them under the names the YAML routes use, one layer
 * at a time from the bottom up: each layer's wiring class binds that layer's beans, named by the constants next to
 * its YAML ({@link dev.ccr.router.RouterNames}, {@link dev.ccr.ingress.IngressBeans},
 * {@link dev.ccr.stats.StatsBeans}, {@link dev.ccr.admin.AdminBeans}). Only what the routes cannot express lives
 * here.
 */
public class RouterConfiguration implements CamelConfiguration {
    public static final String CONFIG_FILE_PROPERTY = "ccr.config-file";

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Settings settings = new Settings(properties::resolveProperty,
                properties.resolveProperty(CONFIG_FILE_PROPERTY).orElse(CamelCodeRouter.DEFAULT_CONFIG));
        List<String> propertyNames = List.copyOf(properties.loadProperties().stringPropertyNames());

        ClientAuthenticator authenticator = IngressWiring.authenticator(settings);
        ProviderRegistry providers = ProviderWiring.wire(context, settings, propertyNames);
        Map<String, ProtocolTransformer> transformers = TransformWiring.wire(context, providers);
        RouterWiring.Wired router = RouterWiring.wire(context, settings, providers, transformers);
        OperationsWiring.Wired operations = OperationsWiring.wire(context, settings, providers, router);
        RouterWiring.wireClassifier(context, settings, propertyNames, providers, operations.modelMap());
        IngressWiring.wire(context, settings, authenticator, providers, router.board(), operations.requestListener());
    }
}
