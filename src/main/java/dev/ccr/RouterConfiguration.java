package dev.ccr;

import dev.ccr.admin.Admin;
import dev.ccr.admin.ModelMapOverrides;
import dev.ccr.config.ConfigException;
import dev.ccr.config.Settings;
import dev.ccr.ingress.ActiveRequests;
import dev.ccr.ingress.BodyLog;
import dev.ccr.ingress.ClientAuthenticator;
import dev.ccr.ingress.GracefulDrain;
import dev.ccr.ingress.ClientErrorWriter;
import dev.ccr.ingress.ClientResponseWriter;
import dev.ccr.ingress.MessagesRequestReader;
import dev.ccr.ingress.MethodGuard;
import dev.ccr.ingress.ModelsResponder;
import dev.ccr.ingress.ProviderHealthResponder;
import dev.ccr.router.HealthChecker;
import dev.ccr.ingress.UnknownPathResponder;
import dev.ccr.ingress.netty.IngressHttpComponent;
import dev.ccr.ingress.netty.IngressLimits;
import dev.ccr.ingress.TokenCountResponder;
import dev.ccr.provider.ProviderCallProcessor;
import dev.ccr.provider.ProviderClient;
import dev.ccr.provider.ProviderRegistry;
import dev.ccr.router.CircuitBreakers;
import dev.ccr.router.ProviderComponent;
import dev.ccr.router.ProviderRoutesBuilder;
import dev.ccr.router.ProviderStatusBoard;
import dev.ccr.router.RequestClassifier;
import dev.ccr.router.RouteTargetValidator;
import dev.ccr.router.ValidatingRouteReloadStrategy;
import org.apache.camel.model.Model;
import org.apache.camel.model.ModelLifecycleStrategySupport;
import org.apache.camel.model.RouteDefinition;
import dev.ccr.stats.Observability;
import dev.ccr.router.RequestListener;
import dev.ccr.tokens.TokenCounter;
import dev.ccr.transform.ProtocolTransformer;
import dev.ccr.transform.RequestTransformProcessor;
import dev.ccr.transform.ResponseTransformProcessor;
import dev.ccr.transform.anthropic.AnthropicTransformer;
import dev.ccr.transform.gemini.GeminiTransformer;
import dev.ccr.transform.openai.OpenAiTransformer;
import dev.ccr.transform.codewhisperer.CodeWhispererTransformer;
import dev.ccr.provider.CredentialsFactory;
import dev.ccr.provider.kiro.KiroCredentialsFactory;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the router's beans from the configuration and binds them under the names the YAML routes use. Only what
 * the routes cannot express lives here.
 */
public class RouterConfiguration implements CamelConfiguration {
    public static final String CONFIG_FILE_PROPERTY = "ccr.config-file";
    private static final Logger LOG = LoggerFactory.getLogger(RouterConfiguration.class);

    @Override
    public void configure(CamelContext context) {
        PropertiesComponent properties = context.getPropertiesComponent();
        Settings settings = new Settings(properties::resolveProperty,
                properties.resolveProperty(CONFIG_FILE_PROPERTY).orElse(CamelCodeRouter.DEFAULT_CONFIG));
        List<String> propertyNames = List.copyOf(properties.loadProperties().stringPropertyNames());
        Registry registry = context.getRegistry();

        ClientAuthenticator authenticator = new ClientAuthenticator(settings.get("ccr.api-key").orElse(null));
        checkBinding(settings, authenticator);

        Map<String, CredentialsFactory> credentialFactories = ProviderRegistry.apiKeyFactories();
        credentialFactories.put("codewhisperer", new KiroCredentialsFactory());
        ProviderRegistry providers = ProviderRegistry.load(settings, propertyNames, credentialFactories,
                failoverStatuses(settings));
        registry.bind("providerRegistry", providers);
        registry.bind("providerRoutes", new ProviderRoutesBuilder(providers));

        CircuitBreakers breakers = new CircuitBreakers();
        registry.bind("circuitBreakerRegistry", breakers.registry());
        for (ProviderClient provider : providers.all()) {
            registry.bind(CircuitBreakers.beanName(provider.settings().name()), breakers.create(provider.settings()));
        }
        ProviderStatusBoard board = new ProviderStatusBoard(providers, name -> breakers.find(name).orElseThrow());
        registry.bind("providerStatusBoard", board);
        RequestListener listener = Observability.install(context, providers, breakers.registry(), board, settings)
                .listener();
        ModelMapOverrides runtimeModelMap = Admin.install(context, settings, providers, board);
        context.addComponent("provider", new ProviderComponent(providers, board));
        installRouteValidation(context, settings, providers);
        Map<String, ProtocolTransformer> transformers = new LinkedHashMap<>();
        for (ProtocolTransformer transformer : List.<ProtocolTransformer>of(new AnthropicTransformer(), new OpenAiTransformer(),
                new GeminiTransformer(), new CodeWhispererTransformer())) {
            transformers.put(transformer.protocol(), transformer);
        }
        addService(context, new HealthChecker(providers, board, p -> transformers.get(p).healthCheckPath()));
        registry.bind("providerHealthResponder", new ProviderHealthResponder(board));
        for (ProtocolTransformer transformer : transformers.values()) {
            registry.bind(transformer.protocol() + "RequestTransformer",
                    new RequestTransformProcessor(transformer, providers));
            registry.bind(transformer.protocol() + "ResponseTransformer",
                    new ResponseTransformProcessor(transformer, providers));
        }
        registry.bind("providerCall", new ProviderCallProcessor(providers));

        IngressLimits limits = IngressLimits.from(settings);
        // every netty-http route on the port gets the same limits, whichever binds first
        context.addComponent("netty-http", new IngressHttpComponent(limits));
        long maxBody = limits.maxBodyBytes();
        ActiveRequests activeRequests = new ActiveRequests();
        BodyLog bodyLog = new BodyLog(settings.bool("ccr.log.request-bodies", false),
                settings.bool("ccr.log.response-bodies", false), settings.positive("ccr.log.body-max-chars", 16000));
        registry.bind("activeRequests", activeRequests);
        context.getManagementStrategy().addEventNotifier(
                new GracefulDrain(activeRequests, settings.duration("ccr.shutdown.grace", Duration.ofSeconds(30))));
        registry.bind("clientAuthenticator", authenticator);
        registry.bind("messagesRequestReader", new MessagesRequestReader(maxBody, true, listener, activeRequests, bodyLog));
        registry.bind("countTokensRequestReader", new MessagesRequestReader(maxBody, false, RequestListener.NONE, activeRequests, bodyLog));
        registry.bind("requestClassifier", RequestClassifier.create(settings, propertyNames, providers,
                new TokenCounter(), runtimeModelMap));
        registry.bind("tokenCountResponder", new TokenCountResponder(new TokenCounter()));
        registry.bind("modelsResponder", new ModelsResponder(providers));
        registry.bind("clientResponseWriter", new ClientResponseWriter(bodyLog));
        registry.bind("clientErrorWriter", new ClientErrorWriter());
        registry.bind("getOnly", new MethodGuard("GET"));
        registry.bind("unknownPath", new UnknownPathResponder());

        for (ProviderClient provider : providers.all()) {
            String missing = provider.missingReason();
            LOG.info("Provider {} ({}, {}): {}", provider.settings().name(), provider.settings().protocol(),
                    provider.settings().baseUrl(), missing == null ? "ready" : "not ready, " + missing);
        }
    }

    /**
     * Every route's provider targets are checked as it is added (a mistake stops the start, naming file, route and
     * value), and edited category files are checked before they replace the running routes.
     */
    private static void installRouteValidation(CamelContext context, Settings settings, ProviderRegistry providers) {
        RouteTargetValidator validator = new RouteTargetValidator(context, providers);
        context.getCamelContextExtension().getContextPlugin(Model.class).addModelLifecycleStrategy(
                new ModelLifecycleStrategySupport() {
                    @Override
                    public void onAddRouteDefinition(RouteDefinition route) {
                        validator.validate(route);
                    }
                });
        if (settings.bool("ccr.routes.reload", true)) {
            addService(context, new ValidatingRouteReloadStrategy(settings.string("ccr.routes.reload-directory",
                    "routes/" + settings.string("ccr.scenario", "default")), "*.camel.yaml", validator));
        }
    }

    /** HTTP statuses on which another provider is tried ({@code ccr.failover.statuses}). */
    private static Set<Integer> failoverStatuses(Settings settings) {
        List<String> configured = settings.list("ccr.failover.statuses");
        if (configured.isEmpty()) {
            return ProviderRegistry.DEFAULT_RETRYABLE;
        }
        Set<Integer> statuses = new java.util.HashSet<>();
        for (String status : configured) {
            try {
                statuses.add(Integer.parseInt(status));
            } catch (NumberFormatException e) {
                throw new ConfigException(settings.source(), "ccr.failover.statuses", "'" + status + "' is not an HTTP status");
            }
        }
        return Set.copyOf(statuses);
    }

    private static void addService(CamelContext context, Object service) {
        try {
            context.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException("Could not add " + service, e);
        }
    }

    /** Without a router key, anyone who can reach the port could spend the providers' credits: loopback only. */
    private static void checkBinding(Settings settings, ClientAuthenticator authenticator) {
        String host = settings.string("ccr.host", "127.0.0.1");
        if (authenticator.enabled()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new ConfigException(settings.source(), "ccr.host", "the router listens on '" + host
                    + "' but no router key is set: set ccr.api-key (or CCR_API_KEY), or listen on 127.0.0.1");
        }
        LOG.info("No router key set (ccr.api-key): listening on loopback {} only", host);
    }
}
